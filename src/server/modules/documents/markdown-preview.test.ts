import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { DOCUMENT_MAX } from "../../../contracts/markdown";

let env: TestEnv;
let org: TestOrg;

beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

const SOURCE = [
  "# Right to disconnect",
  "",
  "We **never** expect replies after hours.",
  "",
  "- one\n- two",
  "",
  "<script>alert(1)</script> [bad](javascript:alert(1)) [good](https://example.test)",
].join("\n");

const preview = (markdown: unknown) =>
  call(env, "POST", "/api/v1/markdown/preview", { as: org.hr.caller, body: { markdown } });

describe("markdown preview", () => {
  it("renders exactly what publishing the same text shows", async () => {
    const res = await preview(SOURCE);
    expect(res.statusCode).toBe(200);
    const published = await call(env, "POST", "/api/v1/policies", {
      as: org.hr.caller,
      body: { title: "Right to disconnect", body: SOURCE },
    });
    expect(published.statusCode).toBe(201);
    expect(res.json()).toEqual({ html: published.json().policy.html });
  });

  it("keeps raw HTML as text and refuses unsafe links", async () => {
    const { html } = (await preview(SOURCE)).json();
    expect(html).toContain("<strong>never</strong>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('href="https://example.test"');
  });

  it("refuses a text longer than any the app stores, naming the field", async () => {
    const res = await preview("x".repeat(DOCUMENT_MAX + 1));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { path: string }) => f.path)).toContain("markdown");
  });

  it("refuses a body beyond the request limit", async () => {
    const res = await preview("x".repeat(2 * 1024 * 1024));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("payload_too_large");
  });

  it("asks to sign in first", async () => {
    const res = await call(env, "POST", "/api/v1/markdown/preview", { body: { markdown: "hi" } });
    expect(res.statusCode).toBe(401);
  });
});
