import { eq } from "drizzle-orm";
import type { ImportReport } from "../../../contracts/onboarding";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { AppError } from "../../platform/errors";
import { type Actor, requireRole } from "../../platform/http/actor";
import { recordAudit } from "../audit";
import { assertEmailAvailable, assertMayGrantRole } from "../people";
import { teams } from "../teams";
import { readImportFile } from "./import.rows";
import { addInvitedPerson, loadSender, PEOPLE_ADMINS } from "./onboarding.service";

/**
 * Imports people from CSV (name,email,role,timeZone,team) and invites each one. A malformed
 * file is rejected whole (400 naming each line); rows whose email is already in the
 * organisation, or earlier in the file, are skipped with a reason. A team that does not exist
 * yet is created. Everything commits in one transaction.
 */
export async function importPeople(
  deps: Deps,
  actor: Actor,
  csvText: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  requireRole(actor, PEOPLE_ADMINS, "import people");
  const rows = readImportFile(csvText);
  for (const row of rows) {
    try {
      assertMayGrantRole(actor, row.role);
    } catch (err) {
      if (err instanceof AppError) throw new AppError(err.code, `line ${row.line}: ${err.message}`);
      throw err;
    }
  }
  return deps.db.transaction(async (tx) => {
    const sender = await loadSender(tx, actor);
    const teamIdOf = await teamResolver(tx, actor.organisationId);
    const report: ImportReport = { created: [], skipped: [] };
    const lineOfEmail = new Map<string, number>();
    for (const [index, row] of rows.entries()) {
      const earlier = lineOfEmail.get(row.email);
      if (earlier) {
        report.skipped.push({
          row: row.line,
          email: row.email,
          reason: `the same email is on line ${earlier}`,
        });
      } else if (await emailInUse(tx, actor.organisationId, row.email)) {
        report.skipped.push({
          row: row.line,
          email: row.email,
          reason: "someone in the organisation already has this email",
        });
      } else {
        lineOfEmail.set(row.email, row.line);
        const teamIds = row.team ? [await teamIdOf(row.team)] : undefined;
        const { name, email, role, timeZone } = row;
        const { person } = await addInvitedPerson(tx, deps, sender, { name, email, role, timeZone, teamIds });
        report.created.push({ row: row.line, personId: person.id, email: person.email });
      }
      onProgress?.(index + 1, rows.length);
    }
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: "person.imported",
      data: { created: report.created.length, skipped: report.skipped.length },
    });
    return report;
  });
}

async function emailInUse(tx: Executor, organisationId: string, email: string): Promise<boolean> {
  try {
    await assertEmailAvailable(tx, organisationId, email);
    return false;
  } catch (err) {
    if (err instanceof AppError && err.code === "conflict") return true;
    throw err;
  }
}

/** Team ids by name (case-insensitive), creating a team the first time a created row needs it. */
async function teamResolver(tx: Executor, organisationId: string) {
  const existing = await tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.organisationId, organisationId))
    .orderBy(teams.createdAt);
  const ids = new Map<string, string>();
  for (const team of existing)
    if (!ids.has(team.name.toLowerCase())) ids.set(team.name.toLowerCase(), team.id);
  return async (name: string): Promise<string> => {
    const known = ids.get(name.toLowerCase());
    if (known) return known;
    const [team] = await tx.insert(teams).values({ organisationId, name }).returning({ id: teams.id });
    if (!team) throw new Error("insert returned no row");
    ids.set(name.toLowerCase(), team.id);
    return team.id;
  };
}
