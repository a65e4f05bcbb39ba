import { and, eq, inArray } from "drizzle-orm";
import { classifySlot, INCONVENIENCE_KINDS, INCONVENIENCE_WEIGHTS } from "../../../core/scheduling";
import type { Interval } from "../../../core/time";
import type { Executor } from "../../platform/db/types";
import { inconvenienceLedger } from "./scheduling.table";

export interface LedgerSlot {
  /** The meeting (or other source object) the slot belongs to. */
  sourceId: string;
  slot: Interval;
  /** Everyone who carries the slot, with their working time around it. */
  people: readonly { personId: string; timeZone: string; working: readonly Interval[] }[];
}

/**
 * Replaces the ledger rows of these sources with one row per person × slot × kind (early, late,
 * outside on the person's own clock, `classifySlot`), in the caller's transaction. Slots with no
 * people only delete: that is how a cancelled meeting leaves the ledger.
 */
export async function replaceLedgerEntries(
  tx: Executor,
  organisationId: string,
  source: "meeting",
  slots: readonly LedgerSlot[],
): Promise<void> {
  await deleteLedgerEntries(
    tx,
    organisationId,
    source,
    slots.map((s) => s.sourceId),
  );
  const rows = slots.flatMap(({ sourceId, slot, people }) =>
    people.flatMap((person) => {
      const inconvenience = classifySlot(slot, person);
      return INCONVENIENCE_KINDS.filter((kind) => inconvenience[kind]).map((kind) => ({
        organisationId,
        personId: person.personId,
        source,
        sourceId,
        occurredAt: new Date(slot.start),
        kind,
        points: INCONVENIENCE_WEIGHTS[kind],
      }));
    }),
  );
  if (rows.length > 0) await tx.insert(inconvenienceLedger).values(rows);
}

/** Takes these sources off the ledger. */
export async function deleteLedgerEntries(
  tx: Executor,
  organisationId: string,
  source: "meeting",
  sourceIds: readonly string[],
): Promise<void> {
  if (sourceIds.length === 0) return;
  await tx
    .delete(inconvenienceLedger)
    .where(
      and(
        eq(inconvenienceLedger.organisationId, organisationId),
        eq(inconvenienceLedger.source, source),
        inArray(inconvenienceLedger.sourceId, [...sourceIds]),
      ),
    );
}
