import { and, count, eq, or, type SQL, sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import {
  buildAbsence,
  buildApiToken,
  buildCalendar,
  buildDocument,
  buildFocusBlocks,
  buildInsightWeeks,
  buildMeeting,
  buildRecording,
  buildTeam,
  buildUpdate,
} from "../../../../test/support/build";
import type { TestOrg, TestPerson } from "../../../../test/support/factories";
import type { TestEnv } from "../../../../test/support/harness";
import { auditLog } from "../audit/audit.table";
import { meetingPrivateNotes } from "../meetings/meetings.table";
import { PERSONAL_DATA } from "./registry";

/** Set-up shared by the erasure tests: a person's and an organisation's (erasure.*.test.ts). */

/** A day in milliseconds. */
export const DAY = 86_400_000;

/** Moves the env's clock `days` ahead of now. */
export const advance = (env: TestEnv, days: number) => {
  const at = Date.now() + days * DAY;
  env.deps.clock = { now: () => new Date(at) };
};

/** For each registry table: how many rows are the person's (by the columns erasure goes by). */
export async function ownedCounts(env: TestEnv, organisationId: string, personId: string, email: string) {
  const counts: Record<string, number> = {};
  for (const entry of PERSONAL_DATA) {
    const matches: SQL[] = [
      ...(entry.ownedBy ?? entry.personColumns).map((c) => eq(c, personId)),
      ...(entry.emailColumns ?? []).map((c) => eq(c, email)),
    ];
    const org = getTableConfig(entry.table).columns.find((c) => c.name === "organisation_id");
    if (!org || matches.length === 0) continue;
    const [row] = await env.deps.db
      .select({ n: count() })
      .from(entry.table)
      .where(
        and(
          eq(org, organisationId),
          or(...matches),
          entry.erase.kind === "delete" ? entry.erase.only : undefined,
        ),
      );
    counts[`${getTableConfig(entry.table).name}:${entry.erase.kind}`] = row?.n ?? 0;
  }
  return counts;
}

/** A person with data in most of the registry's tables, and others' data around it. */
export async function personWithData(env: TestEnv, org: TestOrg, person: TestPerson) {
  const other = org.manager;
  await buildCalendar(env, {
    org,
    person,
    busy: [{ start: Date.now() + DAY, end: Date.now() + DAY + 3_600_000 }],
  });
  await buildAbsence(env, { org, person });
  await buildFocusBlocks(env, { org, person });
  await buildApiToken(env, { org, person });
  const team = await buildTeam(env, { org, name: "Both", members: [person, other] });
  const { meeting } = await buildMeeting(env, { org, organiser: person, attendees: [other] });
  await env.deps.db.insert(meetingPrivateNotes).values({
    meetingId: meeting.id,
    personId: person.person.id,
    organisationId: org.organisation.id,
    body: "My private thoughts",
  });
  const shared = await buildUpdate(env, { org, author: person, title: "Shared plan" });
  const { document: privateDoc } = await buildDocument(env, {
    org,
    owner: person,
    readers: [],
    title: "Mine",
  });
  const { document: sharedDoc } = await buildDocument(env, { org, owner: person, title: "Ours" });
  const { recording } = await buildRecording(env, { org, owner: person });
  await buildInsightWeeks(env, { org, personId: person.person.id, weeks: [{ weekStart: "2026-11-02" }] });
  await buildInsightWeeks(env, { org, personId: other.person.id, weeks: [{ weekStart: "2026-11-02" }] });
  return { team, meeting, shared: shared.update, privateDoc, sharedDoc, recording };
}

/** The organisation's erasure audit actions (`erasure.*`), oldest first. */
export async function auditActions(env: TestEnv, organisationId: string) {
  const rows = await env.deps.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, organisationId), sql`${auditLog.action} like 'erasure.%'`))
    .orderBy(auditLog.at);
  return rows.map((r) => r.action);
}
