import { and, eq, ne, or, type SQL, sql } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { Deps } from "../../deps";
import { LOCKS, lockForTransaction } from "../../platform/db/lock";
import type { Executor } from "../../platform/db/types";
import { conflict } from "../../platform/errors";
import { recordAudit } from "../audit";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";
import { erasures } from "./erasure.table";
import { ORGANISATION_FOLDERS, PERSONAL_DATA, type PersonalTable } from "./registry";

export type ErasureRow = typeof erasures.$inferSelect;

/** The property name drizzle knows `column` by in `table` (what `.set({...})` takes). */
function keyOf(table: PgTable, column: PgColumn): string {
  const key = Object.entries(table).find(([, value]) => value === column)?.[0];
  if (!key) throw new Error(`column ${column.name} is not in ${getTableConfig(table).name}`);
  return key;
}

function organisationColumn(table: PgTable): PgColumn {
  const column = getTableConfig(table).columns.find((c) => c.name === "organisation_id");
  if (!column) throw new Error(`${getTableConfig(table).name} has no organisation_id`);
  return column;
}

/** 409 when `personId` is the organisation's only active owner (an organisation always keeps one). */
export async function assertNotLastOwner(tx: Executor, organisationId: string, personId: string) {
  // Role changes take the same lock: nobody becomes the only owner while we look.
  await lockForTransaction(tx, LOCKS.roles, organisationId);
  const [person] = await tx
    .select({ role: people.role, name: people.name })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  if (person?.role !== "owner") return;
  const others = await tx
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        eq(people.role, "owner"),
        eq(people.active, true),
        ne(people.id, personId),
      ),
    )
    .limit(1);
  if (others.length === 0)
    throw conflict(
      `${person.name} is the organisation's only owner; make someone else owner before erasing their data`,
    );
}

/** The rows of `entry` that are the person's: by their id in its owning columns, or by their email. */
function ownedRows(
  entry: PersonalTable,
  organisationId: string,
  personId: string,
  email: string,
): SQL | null {
  const matches = [
    ...(entry.ownedBy ?? entry.personColumns).map((column) => eq(column, personId)),
    ...(entry.emailColumns ?? []).map((column) => eq(column, email)),
  ];
  if (matches.length === 0) return null;
  return and(
    eq(organisationColumn(entry.table), organisationId),
    or(...matches),
    entry.erase.kind === "delete" ? entry.erase.only : undefined,
  ) as SQL;
}

/**
 * Erases one person's data by the registry, inside the caller's transaction: deletes their personal
 * rows, unlinks them from others' rows where the registry says so, and anonymises their own row last.
 * Answers the storage folders to delete once the transaction has committed, and rows touched per table.
 */
export async function erasePersonRows(
  tx: Executor,
  organisationId: string,
  personId: string,
): Promise<{ folders: string[]; rows: Record<string, number> }> {
  const [person] = await tx
    .select({ email: people.email })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)))
    .for("update");
  if (!person) throw new Error(`person ${personId} is not in organisation ${organisationId}`);
  const folders: string[] = [];
  const rows: Record<string, number> = {};
  const count = (table: PgTable, n: number) => {
    if (n > 0) rows[getTableConfig(table).name] = (rows[getTableConfig(table).name] ?? 0) + n;
  };
  for (const entry of PERSONAL_DATA) {
    const where = ownedRows(entry, organisationId, personId, person.email);
    if (where && entry.erase.kind === "delete") {
      const gone = await tx
        .delete(entry.table)
        .where(where)
        .returning({ id: entry.files ? entry.files.id : sql<number>`1` });
      if (entry.files) {
        const { folder } = entry.files;
        folders.push(...gone.map((row) => folder(organisationId, String(row.id))));
      }
      count(entry.table, gone.length);
    }
    if (where && entry.erase.kind === "anonymise") {
      const changed = await tx
        .update(entry.table)
        .set(entry.erase.set)
        .where(where)
        .returning({ one: sql<number>`1` });
      count(entry.table, changed.length);
    }
    for (const column of entry.unlink ?? []) {
      const changed = await tx
        .update(entry.table)
        .set({ [keyOf(entry.table, column)]: null })
        .where(and(eq(organisationColumn(entry.table), organisationId), eq(column, personId)))
        .returning({ one: sql<number>`1` });
      count(entry.table, changed.length);
    }
  }
  return { folders, rows };
}

/**
 * Deletes an organisation and everything in it, inside the caller's transaction: its row (the
 * foreign keys cascade), then whatever is left in any table with an `organisation_id` (audit log,
 * outbox, live events… found in the catalog, so a new table is covered). Answers its storage folders.
 */
export async function eraseOrganisationRows(tx: Executor, organisationId: string): Promise<string[]> {
  await tx.delete(organisations).where(eq(organisations.id, organisationId));
  const result = await tx.execute(
    sql`select c.table_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
          and c.column_name = 'organisation_id' order by c.table_name`,
  );
  for (const { table_name } of (result as unknown as { rows: { table_name: string }[] }).rows)
    await tx.execute(
      sql`delete from ${sql.identifier(table_name)} where organisation_id = ${organisationId}`,
    );
  return ORGANISATION_FOLDERS.map((folder) => folder(organisationId));
}

/**
 * Carries out a scheduled erasure in one transaction (the row locked first, so it runs once however
 * many workers try), audited for a person; then deletes its stored files. Answers false when it was
 * no longer scheduled (cancelled, or done meanwhile). Throws 409 for an organisation's only owner.
 */
export async function carryOutErasure(
  deps: Deps,
  erasureId: string,
  actorId: string | null,
  within?: Executor,
): Promise<boolean> {
  const run = async (tx: Executor) => {
    const [row] = await tx.select().from(erasures).where(eq(erasures.id, erasureId)).for("update");
    if (row?.status !== "scheduled") return null;
    return row.kind === "organisation"
      ? eraseOrganisationRows(tx, row.organisationId)
      : (await carryOutPersonErasure(tx, deps, row, actorId)).folders;
  };
  const folders = within ? await run(within) : await deps.db.transaction(run);
  if (!folders) return false;
  if (!within) await deleteFolders(deps, folders);
  return true;
}

/** The person's part of `carryOutErasure`, in the caller's transaction; the caller deletes the folders after it commits. */
export async function carryOutPersonErasure(
  tx: Executor,
  deps: Deps,
  row: ErasureRow,
  actorId: string | null,
) {
  if (!row.personId) throw new Error(`erasure ${row.id} names no person`);
  await assertNotLastOwner(tx, row.organisationId, row.personId);
  const result = await erasePersonRows(tx, row.organisationId, row.personId);
  const now = deps.clock.now();
  await tx.update(erasures).set({ status: "done", doneAt: now }).where(eq(erasures.id, row.id));
  await recordAudit(tx, {
    organisationId: row.organisationId,
    actorId,
    action: "erasure.carried_out",
    targetType: "person",
    targetId: row.personId,
    data: { erasureId: row.id, rows: result.rows, files: result.folders.length },
  });
  return result;
}

export async function deleteFolders(deps: Deps, folders: readonly string[]): Promise<void> {
  for (const folder of folders) await deps.storage.deletePrefix(folder);
}
