import type { Executor } from "../../platform/db/types";
import { replaceLedgerEntries } from "../scheduling";
import type { Gathered } from "./gates.service";
import type { MeetingRow } from "./meeting-access";

/** Who carries a meeting's slot on the fairness ledger: attendees who have not declined or gone async. */
const carries = (a: { rsvp?: string | null | undefined }) => a.rsvp !== "no" && a.rsvp !== "follow_async";

/**
 * Writes each meeting's early/late/outside rows (`source: "meeting"`) for the attendees who carry it,
 * replacing the rows it had: on create, on any change and on an answer. A cancelled meeting
 * (`status`) only loses its rows.
 */
export async function writeLedger(
  tx: Executor,
  organisationId: string,
  meetings: readonly Pick<MeetingRow, "id" | "startAt" | "endAt" | "status">[],
  attendees: readonly { personId: string; rsvp?: string | null | undefined }[],
  gathered: Pick<Gathered, "people">,
): Promise<void> {
  const carrying = new Set(attendees.filter(carries).map((a) => a.personId));
  const people = gathered.people.filter((p) => carrying.has(p.personId));
  await replaceLedgerEntries(
    tx,
    organisationId,
    "meeting",
    meetings.map((m) => ({
      sourceId: m.id,
      slot: { start: m.startAt.getTime(), end: m.endAt.getTime() },
      people: m.status === "cancelled" ? [] : people,
    })),
  );
}
