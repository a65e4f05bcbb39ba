import { and, asc, eq } from "drizzle-orm";
import type { Interval } from "../../../core/time";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import { deleteRotationRows, findRotation } from "./scheduling.repo";
import { rotationAttendees, rotationOccurrences } from "./scheduling.table";

/** A saved rotation as meetings are made of it. */
export interface RotationToHold {
  id: string;
  durationMinutes: number;
  attendeeIds: string[];
  /** Its planned times, first to last. */
  occurrences: Interval[];
}

/**
 * The saved rotation `rotationId` for `personId` to turn into meetings: 404 unless they wrote it or
 * take part in it (to anyone else it does not exist).
 */
export async function rotationToHold(
  executor: Executor,
  organisationId: string,
  personId: string,
  rotationId: string,
): Promise<RotationToHold> {
  const rotation = await findRotation(executor, organisationId, rotationId);
  if (!rotation) throw notFound("Rotation");
  const scoped = <T extends typeof rotationAttendees | typeof rotationOccurrences>(table: T) =>
    and(eq(table.organisationId, organisationId), eq(table.rotationId, rotationId));
  const [attendees, occurrences] = await Promise.all([
    executor
      .select({ personId: rotationAttendees.personId })
      .from(rotationAttendees)
      .where(scoped(rotationAttendees)),
    executor
      .select({ start: rotationOccurrences.start, end: rotationOccurrences.end })
      .from(rotationOccurrences)
      .where(scoped(rotationOccurrences))
      .orderBy(asc(rotationOccurrences.start)),
  ]);
  const attendeeIds = attendees.map((a) => a.personId);
  if (rotation.createdBy !== personId && !attendeeIds.includes(personId)) throw notFound("Rotation");
  return {
    id: rotation.id,
    durationMinutes: rotation.durationMinutes,
    attendeeIds,
    occurrences: occurrences.map((o) => ({ start: o.start.getTime(), end: o.end.getTime() })),
  };
}

/**
 * The rotation became meetings: it leaves the books in the caller's transaction — its occurrences
 * (the feed now shows the meetings) and its ledger rows (the meetings' own rows count the burden, once).
 * 404 when it is already gone, e.g. a second request made meetings of it first.
 */
export async function retireRotation(
  tx: Executor,
  organisationId: string,
  rotationId: string,
): Promise<void> {
  if (!(await deleteRotationRows(tx, organisationId, rotationId))) throw notFound("Rotation");
}
