import { z } from "zod";
import { checkWindow, instant, name, uuid } from "./common";

/** Longest meeting the slot finder and the rotation planner accept: 8 hours. */
export const MAX_MEETING_MINUTES = 8 * 60;
/** Widest slot-finding window: 366 days. */
export const MAX_WINDOW_DAYS = 366;
export const MAX_SLOT_ATTENDEES = 1000;
export const MAX_ROTATION_ATTENDEES = 100;
export const MAX_ROTATION_OCCURRENCES = 52;

const durationMinutes = z
  .number()
  .int("must be a whole number of minutes")
  .min(1, "must be more than 0")
  .max(MAX_MEETING_MINUTES, `must be at most ${MAX_MEETING_MINUTES} (8 hours)`);

/** Adds an issue at `attendees[i].personId` for every person named twice. */
function noRepeatedPeople(attendees: { personId: string }[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  attendees.forEach((a, i) => {
    if (seen.has(a.personId))
      ctx.addIssue({ code: "custom", path: ["attendees", i, "personId"], message: "appears twice" });
    seen.add(a.personId);
  });
}

export const slotsBody = z
  .strictObject({
    attendees: z
      .array(z.strictObject({ personId: uuid, required: z.boolean().optional() }))
      .min(1, "name at least one attendee")
      .max(MAX_SLOT_ATTENDEES, `at most ${MAX_SLOT_ATTENDEES} attendees`),
    durationMinutes,
    from: instant,
    to: instant,
    granularityMinutes: z.number().int("must be a whole number").min(5).max(240).optional(),
    bufferMinutes: z.number().int("must be a whole number").min(0).max(240).optional(),
    limit: z.number().int("must be a whole number").min(1).max(100).optional(),
    allowOutsideWorkingHours: z.boolean().optional(),
    /** No two suggestions start closer than this many minutes; default 60, 0 for side by side. */
    spreadMinutes: z.number().int("must be a whole number").min(0).max(1440).optional(),
  })
  .superRefine((body, ctx) => {
    checkWindow(body, MAX_WINDOW_DAYS, ctx);
    noRepeatedPeople(body.attendees, ctx);
  });
export type SlotsBody = z.infer<typeof slotsBody>;

export const rotationBody = z
  .strictObject({
    name: name.optional(),
    attendees: z
      .array(z.strictObject({ personId: uuid }))
      .min(1, "name at least one attendee")
      .max(MAX_ROTATION_ATTENDEES, `at most ${MAX_ROTATION_ATTENDEES} attendees`),
    durationMinutes,
    occurrences: z.number().int("must be a whole number").min(1).max(MAX_ROTATION_OCCURRENCES),
    cadence: z.literal("weekly", { message: 'must be "weekly"' }),
    from: instant,
    save: z.boolean().optional(),
  })
  .superRefine((body, ctx) => noRepeatedPeople(body.attendees, ctx));
export type RotationBody = z.infer<typeof rotationBody>;

export const ledgerQuery = z.strictObject({ teamId: uuid.optional() });

// Response shapes (plain objects: the serializer encodes with them, dropping any field not named here).

export const inconvenienceKind = z.enum(["early", "late", "outside"]);
export type InconvenienceKind = z.infer<typeof inconvenienceKind>;

const span = z.object({ start: z.string(), end: z.string() });

export const slotAttendeeView = z.object({
  personId: z.string(),
  free: z.boolean(),
  inWorkingHours: z.boolean(),
  /** "YYYY-MM-DDTHH:MM" on the person's wall clock. */
  localStart: z.string(),
});
export type SlotAttendeeView = z.infer<typeof slotAttendeeView>;

export const blockerReason = z.enum([
  "before_hours",
  "after_hours",
  "day_off",
  "busy",
  "absent",
  "focus",
  "no_meeting_day",
]);
export type BlockerReason = z.infer<typeof blockerReason>;

export const slotBlockerView = z.object({
  personId: z.string(),
  reason: blockerReason,
  /** "HH:MM" of the slot's start on the person's wall clock. */
  localTime: z.string(),
});
export type SlotBlockerView = z.infer<typeof slotBlockerView>;

export const slotView = z.object({
  ...span.shape,
  /** 100 is a slot nobody pays for; lower is worse, by degrees. */
  score: z.number(),
  attendees: z.array(slotAttendeeView),
  /** Who pays for this slot and why ("Aiko: 07:00 local, before working hours"). */
  blockers: z.array(slotBlockerView),
});
export type SlotView = z.infer<typeof slotView>;

export const plannedOccurrenceView = z.object({
  ...span.shape,
  burden: z.array(z.object({ personId: z.string(), kind: inconvenienceKind })),
});
export type PlannedOccurrenceView = z.infer<typeof plannedOccurrenceView>;

export const rotationPlanView = z.object({
  occurrences: z.array(plannedOccurrenceView),
  /** Inconvenience points this rotation adds per person. */
  burdenByPerson: z.record(z.string(), z.number()),
  /** Set when the rotation was saved. */
  rotationId: z.string().optional(),
});
export type RotationPlanView = z.infer<typeof rotationPlanView>;

export const rotationView = z.object({
  id: z.string(),
  name: z.string().nullable(),
  durationMinutes: z.number(),
  cadence: z.literal("weekly"),
  createdBy: z.string(),
  createdAt: z.string(),
  attendeeIds: z.array(z.string()),
  occurrences: z.array(span),
});
export type RotationView = z.infer<typeof rotationView>;

export const ledgerEntryView = z.object({
  source: z.enum(["rotation", "meeting"]),
  sourceId: z.string(),
  /** The slot's start. */
  occurredAt: z.string(),
  kind: inconvenienceKind,
  points: z.number(),
});
export type LedgerEntryView = z.infer<typeof ledgerEntryView>;

export const ledgerPersonView = z.object({
  personId: z.string(),
  name: z.string(),
  timeZone: z.string(),
  /** All points on record. */
  points: z.number(),
  /** Points of the 90 days before now and of what is already scheduled: what the slot finder weighs. */
  recentPoints: z.number(),
  counts: z.record(inconvenienceKind, z.number()),
  /** The latest entries, newest first (at most 5). */
  recent: z.array(ledgerEntryView),
});
export type LedgerPersonView = z.infer<typeof ledgerPersonView>;

export const ledgerView = z.object({ people: z.array(ledgerPersonView) });
export type LedgerView = z.infer<typeof ledgerView>;
