import type { NotificationKind } from "../../../contracts/notifications";
import { theirTime } from "../../../core/meetings";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { notify } from "../notifications";
import type { MeetingRow } from "./meeting-access";
import { peopleNamed } from "./meetings.repo";

type MeetingKindOfNotice = Extract<
  NotificationKind,
  "meeting.invited" | "meeting.changed" | "meeting.cancelled"
>;

const SUBJECT: Record<MeetingKindOfNotice, (title: string) => string> = {
  "meeting.invited": (t) => `You are invited to "${t}"`,
  "meeting.changed": (t) => `"${t}" has changed`,
  "meeting.cancelled": (t) => `"${t}" is cancelled`,
};

/**
 * Tells `recipients` (never the actor) about `meetings` (the first, and how many when a series) in
 * the caller's transaction, each with the time on their own clock: one `notify` per zone.
 */
export async function tellAboutMeeting(
  tx: Executor,
  deps: Deps,
  actor: Actor,
  kind: MeetingKindOfNotice,
  meetings: MeetingRow[],
  recipients: readonly string[],
): Promise<void> {
  const first = meetings[0];
  const to = [...new Set(recipients)].filter((id) => id !== actor.personId);
  if (!first || to.length === 0) return;
  const named = await peopleNamed(tx, actor.organisationId, [...to, actor.personId]);
  const byZone = new Map<string, string[]>();
  for (const id of to) {
    const zone = named.get(id)?.timeZone ?? "UTC";
    byZone.set(zone, [...(byZone.get(zone) ?? []), id]);
  }
  const by = named.get(actor.personId)?.name ?? "Someone";
  const more = meetings.length > 1 ? ` (the first of ${meetings.length} in the series)` : "";
  for (const [zone, ids] of byZone) {
    const verb =
      kind === "meeting.cancelled" ? "cancelled" : kind === "meeting.changed" ? "changed" : "invited you to";
    await notify(tx, deps, {
      organisationId: actor.organisationId,
      recipients: ids,
      kind,
      subject: SUBJECT[kind](first.title),
      body: `${by} ${verb} **${first.title}**: ${theirTime(zone, { start: first.startAt.getTime(), end: first.endAt.getTime() })}${more}.`,
      link: `/meetings/${first.id}`,
      objectRef: { type: "meeting", id: first.id },
      actorId: actor.personId,
    });
  }
}
