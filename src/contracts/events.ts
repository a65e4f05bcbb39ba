import { z } from "zod";
import type { Role } from "./common";

/** Every kind of live event the server raises. */
export const LIVE_EVENT_TYPES = [
  "acknowledgement.created",
  "notification.delivered",
  /** Anything on a meeting changed (details, agenda, notes, outcomes, RSVPs); to its people. */
  "meeting.changed",
  /** Anything on an update changed (edit, comment, reaction, answer, decision); to its people. */
  "update.changed",
  /** A document was saved, shared differently or deleted; to the people it is shared with. */
  "document.changed",
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/**
 * What `GET /api/v1/events` sends as each message's data: what changed and which object, never
 * its content (the page refetches what it shows). `type` is a plain string here so that a web app
 * older than the server ignores kinds it does not know.
 */
export const liveEvent = z.object({ type: z.string(), id: z.string(), at: z.string() });
export type LiveEvent = z.infer<typeof liveEvent>;

/**
 * Who receives an event: people of one organisation; with `roles` or `personIds`, only those
 * holding one of the roles (an owner counts as admin) or named.
 */
export interface EventAudience {
  organisationId: string;
  roles?: readonly Role[];
  personIds?: readonly string[];
}

/** `Last-Event-ID` as EventSource sends it on reconnection: the id of the last event received. */
export const eventStreamHeaders = z.object({
  "last-event-id": z
    .string()
    .regex(/^\d{1,15}$/, "must be the id of an event received before (a whole number)")
    .optional(),
});

/**
 * Someone acknowledged a version (`id`: the agreement version or the policy id): compliance pages
 * refresh for `roles`, those who may see compliance (`rolesFor("acknowledgements.read")` of
 * core/access.ts, which contracts may not import).
 */
export const acknowledgementCreated = (organisationId: string, id: string, roles: readonly Role[]) => ({
  type: "acknowledgement.created" as const,
  id,
  audience: { organisationId, roles } satisfies EventAudience,
});

/** A notification reached its recipient's inbox (`id`: the notification); only they hear of it, and never its content. */
export const notificationDelivered = (organisationId: string, id: string, recipientId: string) => ({
  type: "notification.delivered" as const,
  id,
  audience: { organisationId, personIds: [recipientId] } satisfies EventAudience,
});

/** Something on a meeting changed (`id`: the meeting); its organiser and attendees refetch it. */
export const meetingChanged = (organisationId: string, id: string, personIds: readonly string[]) => ({
  type: "meeting.changed" as const,
  id,
  audience: { organisationId, personIds } satisfies EventAudience,
});

/**
 * Something on an update changed (`id`: the update); its author and recipients refetch it and their
 * feeds. Without `personIds`: everyone in the organisation (an update addressed to all of them).
 */
export const updateChanged = (organisationId: string, id: string, personIds?: readonly string[]) => ({
  type: "update.changed" as const,
  id,
  audience: (personIds ? { organisationId, personIds } : { organisationId }) satisfies EventAudience,
});

/**
 * A document changed (`id`: the document): a new version, its audience or tags, or deleted. Its
 * readers refetch it and their lists; an editor open in another tab learns its base is old.
 * Without `personIds`: everyone in the organisation (a document shared with all of them).
 */
export const documentChanged = (organisationId: string, id: string, personIds?: readonly string[]) => ({
  type: "document.changed" as const,
  id,
  audience: (personIds ? { organisationId, personIds } : { organisationId }) satisfies EventAudience,
});
