import type { RecordingView } from "../../../../contracts/recordings";
import type { UpdateKind, UpdateSummaryView } from "../../../../contracts/updates";
import { formatDuration } from "../../../lib/duration";
import { formatDateTime } from "../../../lib/time";

/** Each kind in words, for badges and the kind filter. */
export const KIND_LABELS: Record<UpdateKind, string> = {
  status: "Status",
  proposal: "Proposal",
  question: "Question",
  announcement: "Announcement",
  recap: "Meeting recap",
  video: "Video",
  checkin_digest: "Check-in digest",
};

/**
 * "Reply by Thu 17 Dec, 17:00" in the viewer's zone when the viewer must still answer: their own
 * deadline (each responder has their own, in their working hours), else the update's latest one.
 * Null when nothing is asked of them.
 */
export function myReplyBy(
  update: Pick<UpdateSummaryView, "needsMyReply" | "replyBy" | "responders">,
  viewerId: string,
  zone: string,
  now: number,
): { text: string; overdue: boolean } | null {
  if (!update.needsMyReply) return null;
  const mine = update.responders.find((r) => r.personId === viewerId);
  const due = mine ? mine.replyBy : update.replyBy;
  if (!due) return { text: "Reply when you can (no working time in the next 30 days)", overdue: false };
  const overdue = Date.parse(due) < now;
  const when = formatDateTime(due, zone);
  return { text: overdue ? `Overdue: reply was due ${when}` : `Reply by ${when}`, overdue };
}

/** A video update's line in the feed: "Video · 2:13", or why it cannot be watched. */
export function videoLine(recording: Pick<RecordingView, "status" | "durationMs">): string {
  if (recording.status === "expired") return "Video · deleted after the retention period";
  if (recording.status === "uploading") return "Video · still uploading";
  return recording.durationMs === null ? "Video" : `Video · ${formatDuration(recording.durationMs)}`;
}
