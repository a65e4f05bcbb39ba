import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  buildCheckin,
  buildMeeting,
  buildOccurrence,
  buildRecording,
  buildUpdate,
  videoBytes,
} from "../../../../test/support/build";
import { actorOf, makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, freshEnv, type TestEnv, writesDuring } from "../../../../test/support/harness";
import { jsonOf, unzip } from "../../../../test/support/zip";
import type { ExportView } from "../../../contracts/exports";
import { systemClock } from "../../platform/clock";
import { auditLog } from "../audit/audit.table";
import { checkinAnswers } from "../checkins/checkins.table";
import { savePrivateNotes } from "../meetings";
import { buildExport, expireExportsJob } from "./export.job";
import { exportKey } from "./export.keys";
import { dataExports } from "./export.table";
import { PERSONAL_DATA } from "./registry";

const HOUR = 3_600_000;
type Rows = Record<string, unknown>[];

// Its own database: the worker of this env alone takes its export jobs (a job taken by another test
// process would write the ZIP to that process's store).
let env: TestEnv;
let org: TestOrg;
let other: TestOrg;
let seen: Awaited<ReturnType<typeof seed>>;
beforeAll(async () => {
  env = await freshEnv();
  org = await makeOrg(env);
  other = await makeOrg(env);
  seen = await seed();
});

/**
 * The member's data and others' around it: a meeting the manager organised and the member attended, with
 * a private note by each; an update each; a recording each; a pulse answer each.
 */
async function seed() {
  const { meeting } = await buildMeeting(env, { org, organiser: org.manager, attendees: [org.member] });
  await savePrivateNotes(env.deps, actorOf(org.member), meeting.id, "my own thoughts");
  await savePrivateNotes(env.deps, actorOf(org.manager), meeting.id, "the manager's private thoughts");
  const mine = (await buildUpdate(env, { org, author: org.member, title: "Member's status" })).update;
  const theirs = (await buildUpdate(env, { org, author: org.manager, title: "Manager's status" })).update;
  const video = videoBytes(70_000);
  const myRecording = (await buildRecording(env, { org, owner: org.member, bytes: video })).recording;
  const theirRecording = (await buildRecording(env, { org, owner: org.manager })).recording;
  const { checkin } = await buildCheckin(env, { org, participants: [org.member, org.manager] });
  const question = checkin.questions[0];
  if (!question) throw new Error("the check-in has no question");
  for (const [who, text] of [
    [org.member, "member's answer"],
    [org.manager, "manager's private answer"],
  ] as const) {
    const { occurrence } = await buildOccurrence(env, { org, checkin, person: who, localDate: "2030-01-07" });
    await env.deps.db.insert(checkinAnswers).values({
      occurrenceId: occurrence.id,
      organisationId: org.organisation.id,
      questionId: question.id,
      personId: who.person.id,
      text,
      answeredAt: env.deps.clock.now(),
    });
  }
  const foreignRecording = (await buildRecording(env, { org: other, owner: other.member })).recording;
  return { meeting, mine, theirs, video, myRecording, theirRecording, foreignRecording };
}

async function ready(as: TestPerson, id: string): Promise<ExportView> {
  let view: ExportView | undefined;
  await vi.waitFor(
    async () => {
      const res = await call(env, "GET", `/api/v1/exports/${id}`, { as: as.caller });
      expect(res.statusCode).toBe(200);
      view = res.json().export;
      expect(view?.status).toMatch(/ready|failed/);
    },
    { timeout: 30_000, interval: 200 },
  );
  return view as ExportView;
}

async function download(as: TestPerson, view: ExportView) {
  const res = await call(env, "GET", view.downloadUrl ?? "", { as: as.caller });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toBe("application/zip");
  expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="tandem-.+\.zip"$/);
  return unzip(res.rawPayload);
}

const idsOf = (rows: Rows) => rows.map((row) => row.id);

describe("a person's export (POST /me/export)", () => {
  let files: Map<string, Buffer>;
  let view: ExportView;
  beforeAll(async () => {
    const res = await call(env, "POST", "/api/v1/me/export", { as: org.member.caller });
    expect(res.statusCode).toBe(202);
    expect(res.json().export).toMatchObject({ id: expect.any(String), status: "queued" });
    view = await ready(org.member, res.json().export.id);
    files = await download(org.member, view);
  });

  it("is built by the job: ready, progress 100, a link valid 24 hours", () => {
    expect(view).toMatchObject({
      status: "ready",
      progress: 100,
      kind: "person",
      personId: org.member.person.id,
    });
    expect(view.downloadUrl).toBe(`/api/v1/exports/${view.id}/download`);
    const valid = Date.parse(view.expiresAt ?? "") - Date.now();
    expect(valid).toBeGreaterThan(23 * HOUR);
    expect(valid).toBeLessThanOrEqual(24 * HOUR);
  });

  it("holds one JSON file per registry table, and a README explaining them", () => {
    for (const name of [
      "people.json",
      "meetings.json",
      "updates.json",
      "meeting_private_notes.json",
      "sessions.json",
    ])
      expect(files.has(name), name).toBe(true);
    const readme = files.get("README.txt")?.toString("utf8") ?? "";
    expect(readme).toContain(org.member.person.email);
    expect(readme).toMatch(/meetings\.json: 1 row; meetings you organised or attended/);
    expect(readme).toContain("Other people's private notes and their individual pulse");
  });

  it("holds the person's rows, the meeting they attended included, and none of another person's", () => {
    const people = jsonOf(files, "people.json");
    expect(idsOf(people)).toEqual([org.member.person.id]);
    expect(people[0]).not.toHaveProperty("password_hash");
    expect(people[0]?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    expect(idsOf(jsonOf(files, "meetings.json"))).toEqual([seen.meeting.id]);
    expect(idsOf(jsonOf(files, "updates.json"))).toEqual([seen.mine.id]);
    expect(idsOf(jsonOf(files, "recordings.json"))).toEqual([seen.myRecording.id]);
    const sessions = jsonOf(files, "sessions.json");
    expect(sessions.length).toBeGreaterThan(0);
    expect(Object.keys(sessions[0] ?? {}).filter((k) => /token|hash/.test(k))).toEqual([]);
  });

  it("never holds another person's private note or check-in answer", () => {
    expect(jsonOf(files, "meeting_private_notes.json").map((n) => n.body)).toEqual(["my own thoughts"]);
    expect(jsonOf(files, "checkin_answers.json").map((a) => a.text)).toEqual(["member's answer"]);
    const everything = [...files.values()].map((f) => f.toString("latin1")).join("\n");
    expect(everything).not.toContain("the manager's private thoughts");
    expect(everything).not.toContain("manager's private answer");
    expect(everything).not.toContain(org.hr.person.email);
  });

  it("holds their own recordings' video files, byte for byte, and no one else's", () => {
    const videos = [...files.keys()].filter((name) => name.startsWith("recordings/"));
    expect(videos).toEqual([`recordings/${seen.myRecording.id}.webm`]);
    expect(files.get(videos[0] ?? "")?.equals(seen.video)).toBe(true);
  });

  it("is audited", async () => {
    const rows = await env.deps.db
      .select({ actorId: auditLog.actorId, targetId: auditLog.targetId, data: auditLog.data })
      .from(auditLog)
      .where(
        and(eq(auditLog.organisationId, org.organisation.id), eq(auditLog.action, "person.export_requested")),
      );
    expect(rows).toContainEqual({
      actorId: org.member.person.id,
      targetId: org.member.person.id,
      data: { exportId: view.id },
    });
  });

  it("is the requester's and the person's only: anyone else is told it does not exist", async () => {
    for (const who of [org.owner, org.admin, org.hr, org.manager, other.member]) {
      const res = await call(env, "GET", `/api/v1/exports/${view.id}`, { as: who.caller });
      expect(res.statusCode).toBe(404);
      expect(
        (await call(env, "GET", `/api/v1/exports/${view.id}/download`, { as: who.caller })).statusCode,
      ).toBe(404);
    }
  });
});

describe("an export on someone's request (POST /people/:id/export)", () => {
  it("HR may export a member: audited, and both of them follow it and download it", async () => {
    const res = await call(env, "POST", `/api/v1/people/${org.member.person.id}/export`, {
      as: org.hr.caller,
    });
    expect(res.statusCode).toBe(202);
    const id = res.json().export.id;
    const view = await ready(org.hr, id);
    expect(view.status).toBe("ready");
    expect((await ready(org.member, id)).status).toBe("ready");
    const files = await download(org.hr, view);
    expect(idsOf(jsonOf(files, "people.json"))).toEqual([org.member.person.id]);
    expect(files.get("README.txt")?.toString("utf8")).toContain(`at the request of ${org.hr.person.name}`);
    const [audit] = await env.deps.db
      .select({ actorId: auditLog.actorId, targetId: auditLog.targetId, data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.action, "person.export_requested"), eq(auditLog.actorId, org.hr.person.id)));
    expect(audit).toEqual({
      actorId: org.hr.person.id,
      targetId: org.member.person.id,
      data: { exportId: id, onTheirRequest: true },
    });
    expect((await call(env, "GET", `/api/v1/exports/${id}`, { as: org.admin.caller })).statusCode).toBe(404);
  });

  it("a member may not export someone else (403, naming who may); an unknown person is 404", async () => {
    const res = await call(env, "POST", `/api/v1/people/${org.manager.person.id}/export`, {
      as: org.member.caller,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe(
      "Only the person themself, owners, admins or HR may export this person's data",
    );
    const foreign = await call(env, "POST", `/api/v1/people/${other.member.person.id}/export`, {
      as: org.hr.caller,
    });
    expect(foreign.statusCode).toBe(404);
    const unknown = await call(env, "POST", `/api/v1/people/${randomUUID()}/export`, {
      as: org.admin.caller,
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await call(env, "POST", "/api/v1/people/nobody/export", { as: org.admin.caller });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe("Id must be an id (UUID)");
  });
});

describe("the download link", () => {
  it("answers 409 while the export is being made, and 410 with a sentence once a day has passed", async () => {
    const [row] = await env.deps.db
      .insert(dataExports)
      .values({
        organisationId: org.organisation.id,
        kind: "person",
        personId: org.manager.person.id,
        requestedBy: org.manager.person.id,
      })
      .returning();
    const url = `/api/v1/exports/${row?.id}/download`;
    const early = await call(env, "GET", url, { as: org.manager.caller });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe(
      "This export is still being made; it can be downloaded once it is ready",
    );

    await buildExport(env.deps, { exportId: row?.id ?? "", organisationId: org.organisation.id });
    expect((await call(env, "GET", url, { as: org.manager.caller })).statusCode).toBe(200);
    const key = exportKey(org.organisation.id, row?.id ?? "");
    expect(await env.deps.storage.size(key)).toBeGreaterThan(0);

    const later = new Date(Date.now() + 25 * HOUR);
    env.deps.clock = { now: () => later };
    try {
      const gone = await call(env, "GET", url, { as: org.manager.caller });
      expect(gone.statusCode).toBe(410);
      expect(gone.json().error).toMatchObject({ code: "export_expired" });
      expect(gone.json().error.message).toMatch(
        /^This download link expired on .+ UTC \(links last 24 hours\); ask for a new export$/,
      );
      const view = (await call(env, "GET", `/api/v1/exports/${row?.id}`, { as: org.manager.caller })).json()
        .export;
      expect(view.status).toBe("expired");
      expect(view).not.toHaveProperty("downloadUrl");
      await expireExportsJob.handle(env.deps, {});
      expect(await env.deps.storage.size(key)).toBeNull();
      const [after] = await env.deps.db
        .select()
        .from(dataExports)
        .where(eq(dataExports.id, row?.id ?? ""));
      expect(after).toMatchObject({ status: "expired", fileKey: null });
    } finally {
      env.deps.clock = systemClock;
    }
  });

  it("reports progress per table as the job writes them", async () => {
    const [row] = await env.deps.db
      .insert(dataExports)
      .values({
        organisationId: org.organisation.id,
        kind: "person",
        personId: org.hr.person.id,
        requestedBy: org.hr.person.id,
      })
      .returning();
    const { writes } = await writesDuring(() =>
      buildExport(env.deps, { exportId: row?.id ?? "", organisationId: org.organisation.id }),
    );
    const progress = writes.filter((sql) => /update "data_exports" set "progress"/i.test(sql));
    const tables = new Set(PERSONAL_DATA.map((entry) => entry.table)).size;
    expect(progress.length).toBeGreaterThanOrEqual(tables);
  });
});

describe("the organisation's export (POST /organisation/export)", () => {
  it("is for the owner only", async () => {
    for (const who of [org.admin, org.hr, org.manager, org.member]) {
      const res = await call(env, "POST", "/api/v1/organisation/export", { as: who.caller });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe("Only owners may export the organisation's data");
    }
  });

  it("holds every table of the organisation and its stored files, and nothing of another organisation", async () => {
    const res = await call(env, "POST", "/api/v1/organisation/export", { as: org.owner.caller });
    expect(res.statusCode).toBe(202);
    const view = await ready(org.owner, res.json().export.id);
    expect(view).toMatchObject({ status: "ready", progress: 100, kind: "organisation", personId: null });
    const files = await download(org.owner, view);
    expect(idsOf(jsonOf(files, "organisations.json"))).toEqual([org.organisation.id]);
    const people = jsonOf(files, "people.json");
    expect(idsOf(people).sort()).toEqual(
      [org.owner, org.admin, org.hr, org.manager, org.member].map((p) => p.person.id).sort(),
    );
    expect(people.every((p) => !("password_hash" in p))).toBe(true);
    expect(idsOf(jsonOf(files, "updates.json")).sort()).toEqual([seen.mine.id, seen.theirs.id].sort());
    for (const name of [
      "meeting_private_notes.json",
      "checkin_answers.json",
      "audit_log.json",
      "data_exports.json",
    ])
      expect(files.has(name), name).toBe(true);
    expect([...files.keys()].filter((n) => n.startsWith("recordings/")).sort()).toEqual(
      [`recordings/${seen.myRecording.id}.webm`, `recordings/${seen.theirRecording.id}.webm`].sort(),
    );
    // By the app's privacy rules: the owner learns that notes and answers exist, not what they say.
    expect(jsonOf(files, "meeting_private_notes.json").every((n) => !("body" in n))).toBe(true);
    expect(jsonOf(files, "checkin_answers.json").every((a) => !("text" in a) && !("value" in a))).toBe(true);
    expect(files.has("insight_weeks.json")).toBe(false);
    const everything = [...files.values()].map((f) => f.toString("latin1")).join("\n");
    expect(everything).not.toContain("private thoughts");
    expect(everything).not.toContain("private answer");
    expect(everything).not.toContain(other.organisation.id);
    expect(everything).not.toContain(other.member.person.email);
    expect(everything).not.toContain(seen.foreignRecording.id);
  });
});
