import { and, eq, inArray, lte } from "drizzle-orm";
import { z } from "zod";
import { EXPORT_VALID_HOURS } from "../../../contracts/exports";
import type { Deps } from "../../deps";
import { defineJob, sweep } from "../../platform/job";
import { organisations } from "../organisations";
import { people } from "../people";
import { exportFolder, exportKey } from "./export.keys";
import { type ExportPlan, organisationPlan, personPlan } from "./export.plan";
import { type ReadmeFile, readme } from "./export.readme";
import { dataExports } from "./export.table";
import { tableJson } from "./export.tables";
import { streamOf, type ZipEntry, zipToStorage } from "./export.zip";
import type { PersonalTable } from "./registry";

const HOUR = 3_600_000;

type ExportRow = typeof dataExports.$inferSelect;
const payload = z.object({ exportId: z.uuid(), organisationId: z.uuid() });

/**
 * Builds an export's ZIP into storage, reporting progress as each table is written; sent in the
 * transaction that recorded the request. A ready, failed or expired export is left alone, so a
 * second run changes nothing; a run cut short (status "running") is built again from the start.
 */
export const buildExportJob = defineJob({
  name: "build-export",
  payload,
  handle: (deps: Deps, job) => buildExport(deps, job),
});

/** Deletes the ZIPs whose link has expired; their rows stay, "expired". */
export const expireExportsJob = defineJob({
  name: "expire-exports",
  payload: z.object({}),
  everyMinutes: 60,
  async handle(deps: Deps) {
    const now = deps.clock.now();
    await sweep(
      (limit) =>
        deps.db
          .select({ id: dataExports.id, organisationId: dataExports.organisationId })
          .from(dataExports)
          .where(and(eq(dataExports.status, "ready"), lte(dataExports.expiresAt, now)))
          .limit(limit),
      async (row) => {
        // The file first: a crash between leaves the row "ready" (and past its time) for the next run.
        await deps.storage.deletePrefix(exportFolder(row.organisationId, row.id));
        await deps.db
          .update(dataExports)
          .set({ status: "expired", fileKey: null })
          .where(and(whereRow(row), eq(dataExports.status, "ready")));
      },
    );
  },
});

/** `registry` is for tests that need tables the registry does not list yet. */
export async function buildExport(
  deps: Deps,
  job: z.infer<typeof payload>,
  registry?: readonly PersonalTable[],
): Promise<void> {
  const [row] = await deps.db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.organisationId, job.organisationId), eq(dataExports.id, job.exportId)));
  if (!row || !(row.status === "queued" || row.status === "running")) return;
  await setState(deps, row, { status: "running", progress: 0, error: null });
  const plan =
    row.kind === "person" && row.personId
      ? await personPlan(deps, row.organisationId, row.personId, registry)
      : await organisationPlan(deps, row.organisationId, registry);
  // A file gone since (retention ran meanwhile) is left out rather than failing the export.
  const stored = await Promise.all(plan.files.map(async (f) => (await deps.storage.size(f.key)) !== null));
  plan.files = plan.files.filter((_, i) => stored[i]);
  const key = exportKey(row.organisationId, row.id);
  try {
    const bytes = await zipToStorage(deps.storage, key, await entriesOf(deps, row, plan), deps.clock.now());
    const readyAt = deps.clock.now();
    await deps.db
      .update(dataExports)
      .set({
        status: "ready",
        progress: 100,
        fileKey: key,
        bytes,
        readyAt,
        expiresAt: new Date(readyAt.getTime() + EXPORT_VALID_HOURS * HOUR),
      })
      .where(and(whereRow(row), eq(dataExports.status, "running")));
  } catch (error) {
    await deps.storage.deletePrefix(exportFolder(row.organisationId, row.id)).catch(() => undefined);
    await setState(deps, row, {
      status: "failed",
      error: "The export could not be written; ask for a new one, and tell an admin if it fails again",
    });
    throw error; // logged by the worker; its retry finds the export failed and stops
  }
}

/** The ZIP's files: each table (progress after each), the stored files, then README.txt with the counts. */
async function entriesOf(deps: Deps, row: ExportRow, plan: ExportPlan): Promise<ZipEntry[]> {
  const steps = plan.tables.length + (plan.files.length > 0 ? 1 : 0);
  let done = 0;
  const stepDone = () => {
    done += 1;
    // 100 is for "ready": the ZIP is not whole until its last entry and directory are written.
    return setState(deps, row, { progress: Math.min(99, Math.floor((done * 100) / Math.max(steps, 1))) });
  };
  const written: ReadmeFile[] = [];
  const tables = plan.tables.map(
    (part): ZipEntry => ({
      name: part.file,
      compress: true,
      open: async () => {
        const file = { name: part.file, rows: 0, personColumns: part.personColumns };
        written.push(file);
        const rows = tableJson(deps.db, part.table, part.columns, part.where, (n) => {
          file.rows += n;
        });
        return streamOf(
          (async function* () {
            yield* rows;
            await stepDone();
          })(),
        );
      },
    }),
  );
  const files = plan.files.map(
    (file): ZipEntry => ({ name: file.name, compress: false, open: () => deps.storage.read(file.key) }),
  );
  const notes: ZipEntry = {
    name: "README.txt",
    compress: true,
    open: async () => {
      if (plan.files.length > 0) await stepDone(); // the files before it are written
      const facts = await readmeFacts(deps, row);
      const text = readme({ ...facts, tables: written, files: plan.files.map((f) => f.name) });
      return streamOf([Buffer.from(text)]);
    },
  };
  return [...tables, ...files, notes];
}

async function readmeFacts(deps: Deps, row: ExportRow) {
  const [organisation] = await deps.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, row.organisationId));
  const ids = [row.personId, row.requestedBy].filter((id): id is string => id !== null);
  const named = await deps.db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(eq(people.organisationId, row.organisationId), inArray(people.id, ids)));
  const nameOf = (id: string | null) => named.find((p) => p.id === id);
  const subject = nameOf(row.personId);
  const requester = nameOf(row.requestedBy);
  return {
    kind: row.kind,
    subject: subject ? `${subject.name} <${subject.email}>` : (organisation?.name ?? ""),
    organisation: organisation?.name ?? "",
    madeAt: deps.clock.now(),
    requestedBy: requester
      ? requester.id === row.personId
        ? "you"
        : requester.name
      : "someone who has since left",
  };
}

const whereRow = (row: Pick<ExportRow, "organisationId" | "id">) =>
  and(eq(dataExports.organisationId, row.organisationId), eq(dataExports.id, row.id));

function setState(deps: Deps, row: ExportRow, values: Partial<typeof dataExports.$inferInsert>) {
  return deps.db.update(dataExports).set(values).where(whereRow(row));
}
