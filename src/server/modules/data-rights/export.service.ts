import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { ExportView } from "../../../contracts/exports";
import type { Deps } from "../../deps";
import { AppError, notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { recordAudit } from "../audit";
import { findPerson } from "../people";
import { buildExportJob } from "./export.job";
import { dataExports } from "./export.table";

type ExportRow = typeof dataExports.$inferSelect;

/**
 * POST /me/export and /people/:id/export: the person themself, or HR and admins on their request
 * (audited, the file is for handing to the person). Asking again while one of yours for the same person
 * is being built answers that one.
 */
export async function requestPersonExport(deps: Deps, actor: Actor, personId: string): Promise<ExportView> {
  authorize(actor, "person.export", { self: actor.personId === personId });
  const person = await findPerson(deps.db, actor.organisationId, personId);
  if (!person) throw notFound("Person");
  return start(deps, actor, personId);
}

/** POST /organisation/export: the owner, for every table and file of the organisation. */
export async function requestOrganisationExport(deps: Deps, actor: Actor): Promise<ExportView> {
  authorize(actor, "organisation.export");
  return start(deps, actor, null);
}

async function start(deps: Deps, actor: Actor, personId: string | null): Promise<ExportView> {
  return deps.db.transaction(async (tx) => {
    const [building] = await tx
      .select()
      .from(dataExports)
      .where(
        and(
          eq(dataExports.organisationId, actor.organisationId),
          eq(dataExports.requestedBy, actor.personId),
          personId ? eq(dataExports.personId, personId) : isNull(dataExports.personId),
          inArray(dataExports.status, ["queued", "running"]),
        ),
      )
      .orderBy(desc(dataExports.createdAt))
      .limit(1);
    if (building) return present(deps, building);
    const [row] = await tx
      .insert(dataExports)
      .values({
        organisationId: actor.organisationId,
        kind: personId ? "person" : "organisation",
        personId,
        requestedBy: actor.personId,
        createdAt: deps.clock.now(),
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: personId ? "person.export_requested" : "organisation.export_requested",
      targetType: personId ? "person" : "organisation",
      targetId: personId ?? actor.organisationId,
      data: {
        exportId: row.id,
        ...(personId && personId !== actor.personId ? { onTheirRequest: true } : {}),
      },
    });
    await deps.jobs.send(tx, buildExportJob, { exportId: row.id, organisationId: actor.organisationId });
    return present(deps, row);
  });
}

/** GET /exports/:id: whoever asked for it and the person it is about; anyone else is told it does not exist. */
export async function getExport(deps: Deps, actor: Actor, id: string): Promise<ExportView> {
  return present(deps, await exportFor(deps, actor, id));
}

/** GET /exports/:id/download: the ZIP's key while its link is valid (410 after, 409 before it is ready). */
export async function downloadOf(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ key: string; name: string }> {
  const row = await exportFor(deps, actor, id);
  const status = statusOf(deps, row);
  if (status === "expired")
    throw new AppError(
      "export_expired",
      `This download link expired on ${row.expiresAt?.toISOString().slice(0, 16).replace("T", " ")} UTC (links last 24 hours); ask for a new export`,
    );
  if (status === "failed") throw new AppError("conflict", "This export failed; ask for a new one");
  if (status !== "ready" || !row.fileKey)
    throw new AppError("conflict", "This export is still being made; it can be downloaded once it is ready");
  const day = (row.readyAt ?? row.createdAt).toISOString().slice(0, 10);
  return {
    key: row.fileKey,
    name: `tandem-${row.kind === "person" ? "my-data" : "organisation"}-${day}.zip`,
  };
}

async function exportFor(deps: Deps, actor: Actor, id: string): Promise<ExportRow> {
  const [row] = await deps.db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.organisationId, actor.organisationId), eq(dataExports.id, id)));
  if (!row || (row.requestedBy !== actor.personId && row.personId !== actor.personId))
    throw notFound("Export");
  return row;
}

/** A ready export past its time reads as expired, whether or not the sweep has removed its file yet. */
function statusOf(deps: Deps, row: ExportRow): ExportView["status"] {
  if (row.status === "ready" && row.expiresAt && row.expiresAt <= deps.clock.now()) return "expired";
  return row.status;
}

function present(deps: Deps, row: ExportRow): ExportView {
  const status = statusOf(deps, row);
  return {
    id: row.id,
    status,
    progress: row.progress,
    ...(status === "ready" ? { downloadUrl: `/api/v1/exports/${row.id}/download` } : {}),
    kind: row.kind,
    personId: row.personId,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}
