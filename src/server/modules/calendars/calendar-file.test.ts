import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { type Caller, call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { at, busyUrl, ics, iso, stamp, WORK_ICS } from "./calendars.fixtures";

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

/** The file itself as the body, as the web app and `curl --data-binary @work.ics` send it. */
const send = (
  method: "POST" | "PUT",
  url: string,
  as: Caller,
  file: string | Buffer,
  contentType = "text/calendar; charset=utf-8",
) => call(env, method, url, { as, payload: file as string, headers: { "content-type": contentType } });

describe("a calendar file sent as text/calendar", () => {
  it("creates a calendar named by ?name=, and a new version replaces its busy time", async () => {
    const { person, caller } = await org.add("member");
    const base = `/api/v1/people/${person.id}/calendars`;
    const created = await send("POST", `${base}/file?name=Work`, caller, Buffer.from(WORK_ICS));
    expect(created.statusCode).toBe(201);
    expect(created.json().calendar).toMatchObject({ name: "Work", kind: "file", eventCount: 4 });
    expect((await call(env, "GET", busyUrl(person.id), { as: caller })).json().busy).toHaveLength(4);

    const id = created.json().calendar.id;
    const replaced = await send("PUT", `${base}/${id}/file`, org.admin.caller, ics([at(3, 8), at(3, 9)]));
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().calendar).toMatchObject({ id, eventCount: 1 });
    expect((await call(env, "GET", busyUrl(person.id), { as: caller })).json().busy).toEqual([
      { start: iso(at(3, 8)), end: iso(at(3, 9)) },
    ]);
  });

  it("reads UTF-8 names and a byte-order mark as the JSON route does", async () => {
    const { person, caller } = await org.add("member");
    const file = `\uFEFF${WORK_ICS.replace("Secret project 0", "Réunion — équipe 🚀")}`;
    const res = await send("POST", `/api/v1/people/${person.id}/calendars/file?name=Équipe`, caller, file);
    expect(res.statusCode).toBe(201);
    expect(res.json().calendar).toMatchObject({ name: "Équipe", eventCount: 4 });
  });

  it("refuses a bad file with the line, an empty body, and a missing name, storing nothing", async () => {
    const { person, caller } = await org.add("member");
    const base = `/api/v1/people/${person.id}/calendars`;
    const bad = WORK_ICS.replace(stamp(at(1, 10)), "20261345T250000Z");
    const res = await send("POST", `${base}/file?name=Bad`, caller, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "invalid_ics",
      message: 'Line 13: DTSTART "20261345T250000Z" is not a date',
      details: { line: 13 },
    });
    const empty = await send("POST", `${base}/file?name=Empty`, caller, "");
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe("invalid_ics");
    const unnamed = await send("POST", `${base}/file`, caller, WORK_ICS);
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(["name"]);
    expect((await call(env, "GET", base, { as: caller })).json().calendars).toEqual([]);

    const { calendar } = (await send("POST", `${base}/file?name=Ok`, caller, WORK_ICS)).json();
    expect((await send("PUT", `${base}/${calendar.id}/file`, caller, bad)).statusCode).toBe(400);
    expect((await call(env, "GET", busyUrl(person.id), { as: caller })).json().busy).toHaveLength(4);
  });

  it("reads a file sent in chunks with no length announced", async () => {
    const { person, caller } = await org.add("member");
    const res = await env.app.inject({
      method: "POST",
      url: `/api/v1/people/${person.id}/calendars/file?name=Chunked`,
      headers: {
        "content-type": "text/calendar",
        cookie: `tandem_session=${(caller as { cookie: string }).cookie}`,
        "x-csrf-token": (caller as { csrf: string }).csrf,
      },
      payload: Readable.from([Buffer.from(WORK_ICS.slice(0, 100)), Buffer.from(WORK_ICS.slice(100))]),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().calendar).toMatchObject({ name: "Chunked", eventCount: 4 });
  });

  it("answers 415 for another content type, before reading it", async () => {
    const { person, caller } = await org.add("member");
    const url = `/api/v1/people/${person.id}/calendars/file?name=Work`;
    const json = await send("POST", url, caller, JSON.stringify({ ics: WORK_ICS }), "application/json");
    expect(json.statusCode).toBe(415);
    expect(json.json().error).toMatchObject({ code: "unsupported_media_type" });
    expect(json.json().error.message).toContain("text/calendar");
  });

  it("answers 413 ics_too_large for a file over ICS_MAX_BYTES, announced or not", async () => {
    const small = await testEnv({ ICS_MAX_BYTES: "2048" });
    const smallOrg = await makeOrg(small);
    const base = `/api/v1/people/${smallOrg.member.person.id}/calendars`;
    const big = ics(...Array.from({ length: 30 }, (_, n): [number, number] => [at(n, 9), at(n, 10)]));
    const res = await call(small, "POST", `${base}/file?name=Big`, {
      as: smallOrg.member.caller,
      payload: big,
      headers: { "content-type": "text/calendar" },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: "ics_too_large",
      details: { bytes: Buffer.byteLength(big), maxBytes: 2048 },
    });
    expect(res.json().error.message).toContain("ICS_MAX_BYTES");
    // Sent in chunks with no length announced: counted while it is read, and stopped once over.
    const chunked = await small.app.inject({
      method: "POST",
      url: `${base}/file?name=Big`,
      headers: {
        "content-type": "text/calendar",
        cookie: `tandem_session=${(smallOrg.member.caller as { cookie: string }).cookie}`,
        "x-csrf-token": (smallOrg.member.caller as { csrf: string }).csrf,
      },
      payload: Readable.from([Buffer.from(big)]),
    });
    expect(chunked.statusCode).toBe(413);
    expect(chunked.json().error).toMatchObject({ code: "ics_too_large", details: { maxBytes: 2048 } });
    expect((await call(small, "GET", base, { as: smallOrg.member.caller })).json().calendars).toEqual([]);
  });
});
