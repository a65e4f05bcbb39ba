import { and, eq, inArray } from "drizzle-orm";
import type { ImportReport } from "../../../contracts/onboarding";
import type { Deps } from "../../deps";
import { randomToken, sha256 } from "../../platform/crypto";
import { isUniqueViolation } from "../../platform/db/errors";
import type { Executor } from "../../platform/db/types";
import { conflict } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { type AuditEntry, recordAudit, recordAudits } from "../audit";
import { queueEmails } from "../outbox";
import { DEFAULT_WEEK, people } from "../people";
import { teamMembers, teams } from "../teams";
import type { ImportRow } from "./import.rows";
import { type InvitationSender, invitationText } from "./invitations";
import { invitations } from "./invitations.table";

/** Rows written per round of statements: keeps every insert well under PostgreSQL's 65,535 parameters. */
export const IMPORT_CHUNK_ROWS = 250;

type Created = { row: ImportRow; personId: string };

/**
 * Writes one chunk of rows (in file order) with a fixed number of statements, whatever its size:
 * people, team memberships, invitations, their emails and jobs, and audit rows, each in one
 * insert. Appends to `report`, whose `created` list also tells which emails earlier chunks took.
 */
export async function writeImportChunk(
  tx: Executor,
  deps: Pick<Deps, "config" | "jobs">,
  sender: InvitationSender,
  rows: ImportRow[],
  report: ImportReport,
): Promise<void> {
  const fresh = sortOut(rows, report, await emailsTaken(tx, sender.organisationId, rows));
  if (fresh.length === 0) return;
  const created = await insertPeople(tx, sender.organisationId, fresh);
  await joinTeams(tx, sender.organisationId, created);
  const invitationIds = await invite(tx, deps, sender, created);
  await recordAudits(tx, auditEntries(sender, created, invitationIds));
  for (const { row, personId } of created) report.created.push({ row: row.line, personId, email: row.email });
}

/** Skips (into the report) rows whose email is already in the organisation or earlier in the file. */
function sortOut(rows: ImportRow[], report: ImportReport, taken: Set<string>): ImportRow[] {
  const lineOf = new Map(report.created.map((c) => [c.email, c.row]));
  const fresh: ImportRow[] = [];
  for (const row of rows) {
    const earlier = lineOf.get(row.email);
    if (earlier) {
      report.skipped.push({
        row: row.line,
        email: row.email,
        reason: `the same email is on line ${earlier}`,
      });
    } else if (taken.has(row.email)) {
      const reason = "someone in the organisation already has this email";
      report.skipped.push({ row: row.line, email: row.email, reason });
    } else {
      lineOf.set(row.email, row.line);
      fresh.push(row);
    }
  }
  return fresh;
}

async function emailsTaken(tx: Executor, organisationId: string, rows: ImportRow[]): Promise<Set<string>> {
  const found = await tx
    .select({ email: people.email })
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        inArray(people.email, [...new Set(rows.map((r) => r.email))]),
      ),
    );
  return new Set(found.map((f) => f.email));
}

async function insertPeople(tx: Executor, organisationId: string, rows: ImportRow[]): Promise<Created[]> {
  const values = rows.map((row) => ({
    organisationId,
    name: row.name,
    email: row.email,
    role: row.role,
    timeZone: row.timeZone,
    workingPattern: DEFAULT_WEEK,
    active: false,
  }));
  try {
    const inserted = await tx.insert(people).values(values).returning({ id: people.id, email: people.email });
    const idOf = new Map(inserted.map((p) => [p.email, p.id]));
    return rows.map((row) => ({ row, personId: idOf.get(row.email) as string }));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw conflict("Someone added one of these people while the file was importing; import it again");
  }
}

/** Team ids by name (case-insensitive); a team named for the first time is created, as first spelled. */
async function joinTeams(tx: Executor, organisationId: string, created: Created[]): Promise<void> {
  const wanted = created.filter((c) => c.row.team);
  if (wanted.length === 0) return;
  const existing = await tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.organisationId, organisationId))
    .orderBy(teams.createdAt);
  const idOf = new Map<string, string>();
  for (const team of existing)
    if (!idOf.has(team.name.toLowerCase())) idOf.set(team.name.toLowerCase(), team.id);
  const missing = new Map<string, string>();
  for (const { row } of wanted) {
    const key = (row.team as string).toLowerCase();
    if (!idOf.has(key) && !missing.has(key)) missing.set(key, row.team as string);
  }
  if (missing.size > 0) {
    const values = [...missing.values()].map((name) => ({ organisationId, name }));
    const made = await tx.insert(teams).values(values).returning({ id: teams.id, name: teams.name });
    for (const team of made) idOf.set(team.name.toLowerCase(), team.id);
  }
  await tx.insert(teamMembers).values(
    wanted.map(({ row, personId }) => ({
      teamId: idOf.get((row.team as string).toLowerCase()) as string,
      personId,
      organisationId,
      role: "member" as const,
    })),
  );
}

/** One invitation, email and send job per person; returns the invitation ids in the same order. */
async function invite(
  tx: Executor,
  deps: Pick<Deps, "config" | "jobs">,
  sender: InvitationSender,
  created: Created[],
): Promise<string[]> {
  const expiresAt = new Date(Date.now() + deps.config.invitationDays * 86_400_000);
  const tokens = created.map(() => randomToken());
  const inserted = await tx
    .insert(invitations)
    .values(
      created.map(({ personId }, i) => ({
        organisationId: sender.organisationId,
        personId,
        tokenHash: sha256(tokens[i] as string),
        invitedBy: sender.inviterId,
        expiresAt,
      })),
    )
    .returning({ id: invitations.id, personId: invitations.personId });
  const invitationOf = new Map(inserted.map((i) => [i.personId, i.id]));
  await queueEmails(
    tx,
    deps,
    created.map(({ row, personId }, i) => ({
      organisationId: sender.organisationId,
      to: row.email,
      subject: `${sender.inviterName} invited you to ${sender.organisationName} on Tandem`,
      text: invitationText(
        sender,
        { id: personId, name: row.name, email: row.email, timeZone: row.timeZone },
        `${deps.config.publicUrl}/invitations/${tokens[i]}`,
        expiresAt,
      ),
    })),
  );
  return created.map(({ personId }) => invitationOf.get(personId) as string);
}

/** The same audit rows as inviting each person one by one. */
function auditEntries(sender: InvitationSender, created: Created[], invitationIds: string[]): AuditEntry[] {
  const base = { organisationId: sender.organisationId, actorId: sender.inviterId, ip: sender.ip };
  return created.flatMap(({ row, personId }, i) => [
    {
      ...base,
      action: "person.created" as const,
      targetType: "person",
      targetId: personId,
      data: { email: row.email, role: row.role },
    },
    {
      ...base,
      action: "invitation.created" as const,
      targetType: "invitation",
      targetId: invitationIds[i] as string,
      data: { personId, email: row.email },
    },
  ]);
}

/** The one audit row for the import as a whole, written with its last chunk. */
export function recordImported(tx: Executor, actor: Actor, report: ImportReport): Promise<void> {
  return recordAudit(tx, {
    organisationId: actor.organisationId,
    actorId: actor.personId,
    action: "person.imported",
    data: { created: report.created.length, skipped: report.skipped.length },
  });
}
