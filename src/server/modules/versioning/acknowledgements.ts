import { and, desc, eq, inArray } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../../platform/db/types";
import { conflict } from "../../platform/errors";
import { activePersonIds } from "../people";
import { complianceView, invitedPersonIds } from "./compliance";
import {
  type ColumnKey,
  columnOf,
  type DocumentRef,
  type Insert,
  type Row,
  requireLatest,
  scopeOf,
  type VersionTable,
  versionNumber,
  versionOf,
} from "./versions";

/** The versions of the parts acknowledged together with a version: part id → version (the agreement's team overrides). */
export type Parts = Record<string, number>;

/** A table of acknowledgements: who acknowledged which version (and parts), when. Named by property names. */
export interface AcknowledgementTable<A extends PgTable> {
  table: A;
  organisationId: ColumnKey<A>;
  documentId?: ColumnKey<A>;
  personId: ColumnKey<A>;
  version: ColumnKey<A>;
  acknowledgedAt: ColumnKey<A>;
  /** A jsonb column holding the `Parts` acknowledged with the version, if the document has parts. */
  parts?: ColumnKey<A>;
}

/**
 * A document people acknowledge, version by version. `partsOf`, if given, says which parts each
 * person must also have acknowledged at their current version (the agreement: the overrides of the
 * person's teams); an acknowledgement covers the latest only if it records those versions.
 */
export interface AcknowledgedDocument<T extends PgTable, A extends PgTable> {
  versions: VersionTable<T>;
  acknowledgements: AcknowledgementTable<A>;
  partsOf?: (executor: Executor, organisationId: string, personIds: string[]) => Promise<Map<string, Parts>>;
}

export interface Acknowledgement {
  personId: string;
  version: number;
  parts: Parts;
  acknowledgedAt: Date;
}

/** The one answer, for every document, to acknowledging a version that is not the latest. */
export const staleVersion = (given: number, latest: number) =>
  conflict(
    `You are acknowledging version ${given}, but the latest is version ${latest}; reload to read the latest and acknowledge that`,
    { current: latest },
  );

function selection<A extends PgTable>(spec: AcknowledgementTable<A>) {
  return {
    personId: columnOf(spec.table, spec.personId),
    version: columnOf(spec.table, spec.version),
    acknowledgedAt: columnOf(spec.table, spec.acknowledgedAt),
    ...(spec.parts ? { parts: columnOf(spec.table, spec.parts) } : {}),
  };
}

const asAcknowledgement = (row: Record<string, unknown>): Acknowledgement => ({
  personId: row.personId as string,
  version: row.version as number,
  parts: (row.parts as Parts | undefined) ?? {},
  acknowledgedAt: row.acknowledgedAt as Date,
});

/** Acknowledgements of version `version` (only `personId`'s, if given), the most recent first. */
async function acknowledgementsOfVersion<A extends PgTable>(
  executor: Executor,
  spec: AcknowledgementTable<A>,
  ref: DocumentRef,
  version: number,
  personId?: string,
): Promise<Acknowledgement[]> {
  const rows = await executor
    .select(selection(spec))
    .from(spec.table as PgTable)
    .where(
      and(
        scopeOf(spec, ref),
        eq(columnOf(spec.table, spec.version), version),
        personId ? eq(columnOf(spec.table, spec.personId), personId) : undefined,
      ),
    )
    .orderBy(desc(columnOf(spec.table, spec.acknowledgedAt)));
  return rows.map(asAcknowledgement);
}

/** The person's most recent acknowledgement: of the highest version, the latest row. */
export async function latestAcknowledgement<A extends PgTable>(
  executor: Executor,
  spec: AcknowledgementTable<A>,
  ref: DocumentRef,
  personId: string,
): Promise<Acknowledgement | null> {
  const [row] = await executor
    .select(selection(spec))
    .from(spec.table as PgTable)
    .where(and(scopeOf(spec, ref), eq(columnOf(spec.table, spec.personId), personId)))
    .orderBy(desc(columnOf(spec.table, spec.version)), desc(columnOf(spec.table, spec.acknowledgedAt)))
    .limit(1);
  return row ? asAcknowledgement(row) : null;
}

/**
 * Records an acknowledgement. Acknowledging a version (with the same parts) again keeps the first one
 * where the table allows one row per person and version (policies): its time is answered then.
 */
async function insertAcknowledgement<A extends PgTable>(
  executor: Executor,
  spec: AcknowledgementTable<A>,
  ref: DocumentRef,
  personId: string,
  acknowledgement: { version: number; parts?: Parts | undefined },
): Promise<Acknowledgement> {
  const values: Record<string, unknown> = {
    [spec.organisationId]: ref.organisationId,
    [spec.personId]: personId,
    [spec.version]: acknowledgement.version,
  };
  if (spec.documentId) values[spec.documentId] = ref.documentId;
  if (spec.parts) values[spec.parts] = acknowledgement.parts ?? {};
  const [row] = await executor
    .insert(spec.table as PgTable)
    .values(values as Insert<PgTable>)
    .onConflictDoNothing()
    .returning(selection(spec));
  if (row) return asAcknowledgement(row);
  const [kept] = await acknowledgementsOfVersion(executor, spec, ref, acknowledgement.version, personId);
  if (!kept) throw new Error("acknowledgement neither inserted nor found");
  return kept;
}

const covers = (acknowledged: Parts, needed: Parts) =>
  Object.keys(needed).every((part) => acknowledged[part] === needed[part]);

const partsOf = async <T extends PgTable, A extends PgTable>(
  executor: Executor,
  doc: AcknowledgedDocument<T, A>,
  organisationId: string,
  personIds: string[],
) => (doc.partsOf ? doc.partsOf(executor, organisationId, personIds) : new Map<string, Parts>());

/**
 * The person acknowledges `version` (and the current versions of their parts), inside the caller's
 * transaction; 409 `staleVersion` unless it is the latest.
 */
export async function acknowledge<T extends PgTable, A extends PgTable>(
  tx: Executor,
  doc: AcknowledgedDocument<T, A>,
  ref: DocumentRef,
  personId: string,
  version: number,
): Promise<Acknowledgement> {
  const latest = versionNumber(doc.versions, await requireLatest(tx, doc.versions, ref));
  if (version !== latest) throw staleVersion(version, latest);
  const parts = (await partsOf(tx, doc, ref.organisationId, [personId])).get(personId) ?? {};
  return insertAcknowledgement(tx, doc.acknowledgements, ref, personId, { version, parts });
}

/**
 * Whoever publishes a version has read it: in the publishing transaction, their latest acknowledgement
 * is extended by what they published. `next` gets that acknowledgement (null when there is none) and
 * returns the new one, or null when there is nothing they can be said to have read in full.
 */
export async function acknowledgeAsPublisher<T extends PgTable, A extends PgTable>(
  tx: Executor,
  doc: AcknowledgedDocument<T, A>,
  ref: DocumentRef,
  personId: string,
  next: (last: Acknowledgement | null) => { version: number; parts?: Parts } | null,
): Promise<void> {
  const acknowledgement = next(await latestAcknowledgement(tx, doc.acknowledgements, ref, personId));
  if (acknowledgement) await insertAcknowledgement(tx, doc.acknowledgements, ref, personId, acknowledgement);
}

/**
 * The latest version and who has acknowledged it: the organisation's active people (only `personId`,
 * if given), each with the parts they must cover and, if they did, when.
 */
export async function acknowledgementState<T extends PgTable, A extends PgTable>(
  executor: Executor,
  doc: AcknowledgedDocument<T, A>,
  ref: DocumentRef,
  personId?: string,
) {
  const [latest, ids] = await Promise.all([
    requireLatest(executor, doc.versions, ref),
    activePersonIds(executor, ref.organisationId, personId),
  ]);
  const version = versionNumber(doc.versions, latest);
  const [acks, needed] = await Promise.all([
    acknowledgementsOfVersion(executor, doc.acknowledgements, ref, version, personId),
    partsOf(executor, doc, ref.organisationId, ids),
  ]);
  const acknowledged = new Map<string, Date>();
  for (const ack of acks) {
    if (!acknowledged.has(ack.personId) && covers(ack.parts, needed.get(ack.personId) ?? {})) {
      acknowledged.set(ack.personId, ack.acknowledgedAt);
    }
  }
  return { latest, version, ids, acknowledged, needed };
}

/** Who acknowledged the latest version and when, who has not — including invited people not joined yet. */
export async function compliance<T extends PgTable, A extends PgTable>(
  executor: Executor,
  doc: AcknowledgedDocument<T, A>,
  ref: DocumentRef,
) {
  const [{ version, ids, acknowledged }, invited] = await Promise.all([
    acknowledgementState(executor, doc, ref),
    invitedPersonIds(executor, ref.organisationId),
  ]);
  return complianceView(version, ids, acknowledged, invited);
}

/**
 * Where the person stands with the latest version: up to date, or not, with what they last
 * acknowledged (`last`) and that version (`read`) — both null when they never did — for the document
 * to say what changed since, and the current versions of the parts they must cover.
 */
export type Standing<V> =
  | { latest: V; upToDate: true }
  | { latest: V; upToDate: false; last: Acknowledgement | null; read: V | null; parts: Parts };

export async function standingOf<T extends PgTable, A extends PgTable>(
  executor: Executor,
  doc: AcknowledgedDocument<T, A>,
  ref: DocumentRef,
  personId: string,
): Promise<Standing<Row<T>>> {
  const { latest, version, acknowledged, needed } = await acknowledgementState(executor, doc, ref, personId);
  if (acknowledged.has(personId)) return { latest, upToDate: true };
  const last = await latestAcknowledgement(executor, doc.acknowledgements, ref, personId);
  const read = !last
    ? null
    : last.version === version
      ? latest
      : await versionOf(executor, doc.versions, ref, last.version);
  return { latest, upToDate: false, last: read ? last : null, read, parts: needed.get(personId) ?? {} };
}

/**
 * Of documents at their latest versions, those the person has not acknowledged (documents without
 * parts, in a table with a document column).
 */
export async function notAcknowledged<A extends PgTable, D extends { id: string; version: number }>(
  executor: Executor,
  spec: AcknowledgementTable<A> & { documentId: ColumnKey<A> },
  organisationId: string,
  personId: string,
  documents: D[],
): Promise<D[]> {
  if (documents.length === 0) return [];
  const rows = await executor
    .select({
      documentId: columnOf(spec.table, spec.documentId),
      version: columnOf(spec.table, spec.version),
    })
    .from(spec.table as PgTable)
    .where(
      and(
        eq(columnOf(spec.table, spec.organisationId), organisationId),
        eq(columnOf(spec.table, spec.personId), personId),
        inArray(
          columnOf(spec.table, spec.documentId),
          documents.map((d) => d.id),
        ),
      ),
    );
  const done = new Set(rows.map((r) => `${r.documentId}:${r.version}`));
  return documents.filter((d) => !done.has(`${d.id}:${d.version}`));
}
