import { NOTIFICATION_KINDS, type NotificationKind } from "../../../contracts/notifications";

/** Every kind of notification in plain words, in one place: settings, inbox filter and webhook events. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  "agreement.version_to_acknowledge": "A new version of the working agreement to acknowledge",
  "policy.version_to_acknowledge": "A new version of a policy to acknowledge",
  "acknowledgement.reminder": "Reminders to acknowledge",
  "calendar.import_failed": "A calendar import failed",
  "invitation.accepted": "Someone accepted your invitation",
  "webhook.disabled": "A webhook was switched off after failing",
  "notification.test": "Test notifications",
  "meeting.invited": "You are invited to a meeting",
  "meeting.changed": "A meeting you are invited to changed",
  "meeting.cancelled": "A meeting you are invited to was cancelled",
  "meeting.agenda_missing": "A meeting still has no agenda",
  "meeting.recap": "A meeting's recap",
  "action_item.assigned": "An action item was given to you",
  "update.posted": "A new update for you",
  "update.mentioned": "Someone mentioned you",
  "update.reply_requested": "An update asks for your reply",
  "update.reply_reminder": "Reminders to reply before the reply-by",
  "update.commented": "A comment on an update you wrote or answered",
  "update.decided": "A proposal you took part in was decided",
  "update.stalled": "A thread stalled and could use a short meeting",
  "checkin.due": "A check-in to answer",
  "checkin.reminder": "A reminder to answer a check-in",
  "checkin.blocker": "Someone is blocked and named you to unblock them",
  "checkin.digest": "A check-in's digest",
};

/** The kinds as options for a select or a group of checkboxes. */
export const KIND_OPTIONS = NOTIFICATION_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

export const kindLabel = (kind: string): string => KIND_LABELS[kind as NotificationKind] ?? kind;
