import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { PeopleImportView } from "../../../contracts/onboarding";
import type { Deps } from "../../deps";
import { AppError, notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { defineJob } from "../../platform/job";
import { findPerson } from "../people";
import { checkedRows, type ImportRow } from "./import.rows";
import { peopleImports } from "./import.table";
import { IMPORT_CHUNK_ROWS, recordImported, writeImportChunk } from "./import.write";
import { loadSender } from "./onboarding.service";

const importPeoplePayload = z.object({ importId: z.uuid(), organisationId: z.uuid() });
export type ImportPeopleJob = z.infer<typeof importPeoplePayload>;

/** Runs a large import recorded in `people_imports`; idempotent: a finished import is left alone. */
export const importPeopleJob = defineJob({
  name: "import-people",
  payload: importPeoplePayload,
  handle: (deps: Deps, job) => runImport(deps, job),
});

type ImportRecord = typeof peopleImports.$inferSelect;

/** Records a large import and queues its job, in one transaction; the page polls the record. */
export async function enqueueImport(
  deps: Deps,
  actor: Actor,
  csv: string,
  total: number,
): Promise<PeopleImportView> {
  return deps.db.transaction(async (tx) => {
    const [record] = await tx
      .insert(peopleImports)
      .values({
        organisationId: actor.organisationId,
        createdBy: actor.personId,
        total,
        csv,
        report: { created: [], skipped: [] },
      })
      .returning();
    if (!record) throw new Error("insert returned no row");
    await deps.jobs.send(tx, importPeopleJob, { importId: record.id, organisationId: actor.organisationId });
    return presentImport(record);
  });
}

/** GET /people/imports/:id: admin and hr of the organisation follow an import. */
export async function getImport(deps: Deps, actor: Actor, id: string): Promise<PeopleImportView> {
  authorize(actor, "imports.follow");
  const record = await findImport(deps, actor.organisationId, id);
  if (!record) throw notFound("Import");
  return presentImport(record);
}

/**
 * The import-people job: writes the file chunk by chunk, each chunk committing with the record's
 * `processed` and report, so progress shows as it goes and a retry resumes after the last commit.
 * A problem a retry cannot fix (the importer lost the right, a clash) ends the import as failed.
 */
export async function runImport(deps: Deps, job: ImportPeopleJob): Promise<void> {
  const record = await findImport(deps, job.organisationId, job.importId);
  if (!record || record.status === "done" || record.status === "failed" || record.csv === null) return;
  try {
    const actor = await importerOf(deps, record);
    await runChunks(deps, record, actor, checkedRows(actor, record.csv));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await deps.db
      .update(peopleImports)
      .set({ status: "failed", error: err.message, csv: null, finishedAt: new Date() })
      .where(recordWhere(record));
  }
}

async function runChunks(deps: Deps, record: ImportRecord, actor: Actor, rows: ImportRow[]): Promise<void> {
  const report = record.report;
  for (let start = record.processed; start < rows.length; start += IMPORT_CHUNK_ROWS) {
    const end = Math.min(start + IMPORT_CHUNK_ROWS, rows.length);
    const last = end === rows.length;
    await deps.db
      .transaction(async (tx) => {
        // Runs of one import (a retry after a stall) take turns on its row; a later one finds the chunk done.
        const [current] = await tx
          .select({ processed: peopleImports.processed })
          .from(peopleImports)
          .where(recordWhere(record))
          .for("update");
        if (current?.processed !== start) throw new ChunkTaken();
        await writeImportChunk(tx, deps, await loadSender(tx, actor), rows.slice(start, end), report);
        if (last) await recordImported(tx, actor, report);
        const finished = last ? { status: "done" as const, csv: null, finishedAt: new Date() } : {};
        await tx
          .update(peopleImports)
          .set({ status: "running", processed: end, report, ...finished })
          .where(recordWhere(record));
      })
      .catch((err) => {
        if (!(err instanceof ChunkTaken)) throw err;
        start = rows.length;
      });
  }
}

class ChunkTaken extends Error {}

/** The importer as they are now: someone who has since lost the right cannot finish the import. */
async function importerOf(deps: Deps, record: ImportRecord): Promise<Actor> {
  const person = await findPerson(deps.db, record.organisationId, record.createdBy);
  if (!person?.active) throw new AppError("forbidden", "The person who started this import has left");
  return { personId: person.id, organisationId: person.organisationId, role: person.role, via: "session" };
}

const recordWhere = (record: ImportRecord) =>
  and(eq(peopleImports.organisationId, record.organisationId), eq(peopleImports.id, record.id));

async function findImport(deps: Pick<Deps, "db">, organisationId: string, id: string) {
  const [record] = await deps.db
    .select()
    .from(peopleImports)
    .where(and(eq(peopleImports.organisationId, organisationId), eq(peopleImports.id, id)));
  return record ?? null;
}

function presentImport(record: ImportRecord): PeopleImportView {
  return {
    id: record.id,
    status: record.status,
    total: record.total,
    processed: record.processed,
    report: record.report,
    error: record.error,
    createdAt: record.createdAt.toISOString(),
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}
