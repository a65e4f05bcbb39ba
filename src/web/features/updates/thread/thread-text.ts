import type { CommentView, ResponderView, UpdateView } from "../../../../contracts/updates";
import { localToInstant } from "../../../../core/time";
import { formatDateTime } from "../../../lib/time";

export const URGENCY_LABELS: Record<UpdateView["urgency"], { label: string; color: string }> = {
  urgent: { label: "Urgent", color: "red" },
  normal: { label: "Normal urgency", color: "gray" },
  low: { label: "Low urgency", color: "gray" },
};

export type ResponderState = "answered" | "waiting" | "overdue";

/** A required responder's state: answered, or still waiting — overdue once their own reply-by has passed. */
export function responderState(
  r: Pick<ResponderView, "replyBy" | "answeredAt">,
  now: number,
): ResponderState {
  if (r.answeredAt) return "answered";
  if (r.replyBy && Date.parse(r.replyBy) < now) return "overdue";
  return "waiting";
}

export interface CommentThread {
  comment: CommentView;
  replies: CommentView[];
}

/**
 * Top-level comments, oldest first, each with its replies (one level, oldest first). A reply whose
 * parent is gone (deleted) is shown at the top level rather than lost.
 */
export function commentThreads(comments: readonly CommentView[]): CommentThread[] {
  const sorted = [...comments].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const topIds = new Set(sorted.filter((c) => c.parentId === null).map((c) => c.id));
  const threads = new Map<string, CommentThread>();
  for (const c of sorted) {
    if (c.parentId !== null && topIds.has(c.parentId)) threads.get(c.parentId)?.replies.push(c);
    else threads.set(c.id, { comment: c, replies: [] });
  }
  return [...threads.values()];
}

/** A video update's timed comments, as marks along its timeline (replies with a moment too). */
export function commentMarks(comments: readonly CommentView[]): { id: string; atMs: number; name: string }[] {
  return comments.flatMap((c) => (c.atMs === null ? [] : [{ id: c.id, atMs: c.atMs, name: c.authorName }]));
}

type Offer = NonNullable<UpdateView["escalation"]>;

/**
 * "Meet for 25 min on Tue 14 Jan, 15:00 (your time) with Priya, Kenji" — the escalation offer in
 * words, naming everyone but the viewer; without a slot it says the start is theirs to pick.
 */
export function escalationText(
  offer: Offer,
  viewer: { id: string; zone: string },
  nameOf: (personId: string) => string,
): string {
  const others = offer.participantIds.filter((id) => id !== viewer.id).map(nameOf);
  const with_ = others.length > 0 ? ` with ${others.join(", ")}` : "";
  if (!offer.slot) {
    return `Meet for ${offer.durationMinutes} min${with_}: there is no common working time in the next 7 days, so pick a start`;
  }
  return `Meet for ${offer.durationMinutes} min on ${formatDateTime(offer.slot.start, viewer.zone)} (your time)${with_}`;
}

/** Names of everyone the view mentions, then the directory's, so any person id in the thread reads as a name. */
export function threadNamer(update: UpdateView, directory: readonly { id: string; name: string }[] = []) {
  const names = new Map<string, string>(directory.map((p) => [p.id, p.name]));
  const add = (id: string, name: string) => names.set(id, name);
  add(update.authorId, update.authorName);
  for (const p of update.audience.people) add(p.personId, p.name);
  for (const r of update.responders) add(r.personId, r.name);
  for (const c of update.comments) add(c.authorId, c.authorName);
  for (const r of update.responses) add(r.personId, r.name);
  for (const a of update.acknowledgements) add(a.personId, a.name);
  if (update.decision) add(update.decision.decidedBy.personId, update.decision.decidedBy.name);
  return (personId: string) => names.get(personId) ?? "Someone no longer here";
}

/** A `datetime-local` value ("2026-01-06T15:00") read on the wall clock of `zone`, as an ISO instant; null if incomplete. */
export function startInstant(value: string, zone: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match?.[1]) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return new Date(localToInstant(zone, match[1], minutes)).toISOString();
}
