import { beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_MARKDOWN } from "../../../../test/fixtures/hostile-markdown";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { problemsIn } from "../../../../test/support/safe-html";

/**
 * The hostile corpus posted as updates, edits and comments through the API: whatever the server
 * stores and sends as `html` holds no executable content (the renderer's own corpus test is
 * `platform/markdown.xss.unit.test.ts`; this one shows every path to the page uses it).
 */
let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

/** A few inputs alone (each in its own context), then the whole corpus in one text. */
const SAMPLES = [
  ...[0, 3, 20, 45, 80, 150, 170, 190, 200, 220, 240, 260].map((i) => HOSTILE_MARKDOWN[i] as string),
  HOSTILE_MARKDOWN.join("\n\n"),
];

const post = (who: TestPerson, url: string, body: unknown) =>
  call(env, "POST", url, { as: who.caller, body });

/** The member posts to the manager, as a status update. */
async function postUpdate(body: string) {
  const res = await post(org.member, "/api/v1/updates", {
    kind: "status",
    title: "Hostile",
    body,
    audience: { personIds: [org.manager.person.id] },
  });
  expect(res.statusCode).toBe(201);
  return res.json().update as { id: string; html: string; body: string };
}

const readUpdate = async (id: string) => {
  const res = await call(env, "GET", `/api/v1/updates/${id}`, { as: org.manager.caller });
  expect(res.statusCode).toBe(200);
  return res.json().update as {
    html: string;
    comments: { body: string; html: string }[];
    versions: { html: string }[];
  };
};

describe("hostile markdown through the updates API", () => {
  it("the corpus samples are real inputs", () => {
    expect(SAMPLES.every((s) => typeof s === "string" && s.length > 0)).toBe(true);
    expect(SAMPLES.at(-1)?.length).toBeLessThan(20_000);
  });

  it.each(SAMPLES.map((s) => [JSON.stringify(s).slice(0, 60), s]))(
    "posts %s as an update and a comment, answering safe html",
    async (_, body) => {
      const update = await postUpdate(body);
      expect(update.body).toBe(body);
      expect(problemsIn(update.html)).toEqual([]);

      const comment = await post(org.manager, `/api/v1/updates/${update.id}/comments`, { body });
      expect(comment.statusCode).toBe(201);
      expect(problemsIn(comment.json().comment.html)).toEqual([]);

      const read = await readUpdate(update.id);
      expect(problemsIn(read.html)).toEqual([]);
      expect(read.comments.map((c) => c.body)).toEqual([body.trim()]);
      expect(read.comments.map((c) => problemsIn(c.html))).toEqual([[]]);
    },
  );

  it("keeps an edit and its history safe", async () => {
    const update = await postUpdate(HOSTILE_MARKDOWN[0] as string);
    const edited = await call(env, "PATCH", `/api/v1/updates/${update.id}`, {
      as: org.member.caller,
      body: { body: SAMPLES.at(-1) },
    });
    expect(edited.statusCode).toBe(200);
    expect(problemsIn(edited.json().update.html)).toEqual([]);
    const read = await readUpdate(update.id);
    expect(problemsIn(read.html)).toEqual([]);
    expect(read.versions.length).toBeGreaterThan(0);
    expect(read.versions.flatMap((v) => problemsIn(v.html))).toEqual([]);
  });

  it("renders safe markdown as markup, so the checks above see real html", async () => {
    const update = await postUpdate("**bold** [docs](https://example.com/docs)");
    expect(update.html).toContain("<strong>bold</strong>");
    expect(update.html).toContain('<a href="https://example.com/docs">docs</a>');
  });
});
