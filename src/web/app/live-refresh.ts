import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import type { LiveEvent, LiveEventType } from "../../contracts/events";
import { agreementKeys } from "../features/agreement";
import { checkinKeys } from "../features/checkins";
import { documentKeys } from "../features/documents";
import { meetingKeys } from "../features/meetings";
import { notificationKeys } from "../features/notifications";
import { policyKeys } from "../features/policies";
import { updateKeys } from "../features/updates";
import { useLiveEvents } from "../lib/events";

/**
 * What each live event makes stale, from the object it names. Queries on screen refetch at once;
 * the others when next shown. `acknowledgement.created` names an agreement version or a policy.
 */
export const STALE_ON: Record<LiveEventType, (event: LiveEvent) => readonly QueryKey[]> = {
  "acknowledgement.created": (event) => [agreementKeys.compliance, policyKeys.compliance(event.id)],
  // Only the recipient hears it: their bell and inbox list refetch, and what check-ins send (a check-in
  // to answer, a blocker naming them) is on its way: their due list and blockers refetch too.
  "notification.delivered": () => [notificationKeys.inbox, checkinKeys.due, checkinKeys.allBlockers],
  // The meeting, the lists that show it and my action items.
  "meeting.changed": () => [meetingKeys.all],
  // The thread, the feeds and the decision log.
  "update.changed": () => [updateKeys.all],
  // The document, its history and the lists (an editor compares its base version with the new one).
  "document.changed": () => [documentKeys.all],
};

const isKnown = (type: string): type is LiveEventType => Object.hasOwn(STALE_ON, type);

/** For the signed-in layout: keeps what is on screen fresh while the stream is open (closed on unmount). */
export function useLiveRefresh(): void {
  const client = useQueryClient();
  useLiveEvents((event) => {
    if (!isKnown(event.type)) return;
    for (const queryKey of STALE_ON[event.type](event)) void client.invalidateQueries({ queryKey });
  });
}
