import { and, desc, eq, getTableColumns, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { versionRace } from "../../platform/db/errors";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";

/** The property name of one of a table's columns (as drizzle rows carry it). */
export type ColumnKey<T extends PgTable> = keyof T["_"]["columns"] & string;
export type Row<T extends PgTable> = T["$inferSelect"];
export type Insert<T extends PgTable> = T["$inferInsert"];

/**
 * Which document: its organisation, and its id where an organisation has many (a policy, a team's
 * override); none where it has one (the agreement).
 */
export interface DocumentRef {
  organisationId: string;
  documentId?: string | undefined;
}

/**
 * An append-only table of versions: one row per document and version, the highest the latest. A
 * unique index on (document, version) is the race check: of two publishes of the same n+1, the
 * second is refused (409), never both kept.
 */
export interface VersionTable<T extends PgTable> {
  table: T;
  organisationId: ColumnKey<T>;
  /** The column naming the document; absent when an organisation has one. */
  documentId?: ColumnKey<T>;
  version: ColumnKey<T>;
  /** For "… not found": "Policy". */
  name: string;
  /** For the 409 of a publish race: "this policy". */
  what: string;
}

export const columnOf = <T extends PgTable>(table: T, key: ColumnKey<T>) =>
  getTableColumns(table)[key] as PgColumn;

/** Rows of `table` belonging to the document (every query here is scoped by organisation). */
export function scopeOf<T extends PgTable>(
  spec: { table: T; organisationId: ColumnKey<T>; documentId?: ColumnKey<T> | undefined },
  ref: DocumentRef,
): SQL {
  const conditions = [eq(columnOf(spec.table, spec.organisationId), ref.organisationId)];
  if (spec.documentId) {
    if (ref.documentId === undefined)
      throw new Error(`${String(spec.documentId)} is needed to find the document`);
    conditions.push(eq(columnOf(spec.table, spec.documentId), ref.documentId));
  }
  return and(...conditions) as SQL;
}

export const versionNumber = <T extends PgTable>(spec: VersionTable<T>, row: Row<T>) =>
  (row as Record<string, unknown>)[spec.version] as number;

/** Every version of the document, the latest first. */
export async function listVersions<T extends PgTable>(
  executor: Executor,
  spec: VersionTable<T>,
  ref: DocumentRef,
): Promise<Row<T>[]> {
  const rows = await executor
    .select()
    .from(spec.table as PgTable)
    .where(scopeOf(spec, ref))
    .orderBy(desc(columnOf(spec.table, spec.version)));
  return rows as Row<T>[];
}

/** The latest version of each of the organisation's documents (for tables with a document column). */
export async function latestOfEach<T extends PgTable>(
  executor: Executor,
  spec: VersionTable<T> & { documentId: ColumnKey<T> },
  organisationId: string,
): Promise<Row<T>[]> {
  const rows = await executor
    .selectDistinctOn([columnOf(spec.table, spec.documentId)])
    .from(spec.table as PgTable)
    .where(eq(columnOf(spec.table, spec.organisationId), organisationId))
    .orderBy(columnOf(spec.table, spec.documentId), desc(columnOf(spec.table, spec.version)));
  return rows as Row<T>[];
}

/** The latest version, or null when the document has none. */
export async function latestVersion<T extends PgTable>(
  executor: Executor,
  spec: VersionTable<T>,
  ref: DocumentRef,
): Promise<Row<T> | null> {
  const [row] = await executor
    .select()
    .from(spec.table as PgTable)
    .where(scopeOf(spec, ref))
    .orderBy(desc(columnOf(spec.table, spec.version)))
    .limit(1);
  return (row as Row<T> | undefined) ?? null;
}

/** The latest version; 404 naming the document when there is none (or it is another organisation's). */
export async function requireLatest<T extends PgTable>(
  executor: Executor,
  spec: VersionTable<T>,
  ref: DocumentRef,
): Promise<Row<T>> {
  const row = await latestVersion(executor, spec, ref);
  if (!row) throw notFound(spec.name);
  return row;
}

/** Version `n`, or null. */
export async function versionOf<T extends PgTable>(
  executor: Executor,
  spec: VersionTable<T>,
  ref: DocumentRef,
  n: number,
): Promise<Row<T> | null> {
  const [row] = await executor
    .select()
    .from(spec.table as PgTable)
    .where(and(scopeOf(spec, ref), eq(columnOf(spec.table, spec.version), n)));
  return (row as Row<T> | undefined) ?? null;
}

/**
 * Appends version n+1 (1 for a new document): `build` gets the latest row (or null) and the new
 * number and returns the whole row to insert. Call it inside the publishing transaction: when another
 * request appended the same number first, the unique index refuses this one → 409 saying to reload
 * (and the transaction rolls back).
 */
export async function appendVersion<T extends PgTable>(
  executor: Executor,
  spec: VersionTable<T>,
  ref: DocumentRef,
  build: (latest: Row<T> | null, version: number) => Insert<T>,
): Promise<Row<T>> {
  const latest = await latestVersion(executor, spec, ref);
  const version = (latest ? versionNumber(spec, latest) : 0) + 1;
  const values = build(latest, version);
  const [row] = await versionRace(
    () =>
      executor
        .insert(spec.table as PgTable)
        .values(values as Insert<PgTable>)
        .returning(),
    spec.what,
  );
  if (!row) throw new Error("insert returned no row");
  return row as Row<T>;
}
