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

export type InconvenienceKind = "early" | "late" | "outside";

export interface SlotAttendeeView {
  personId: string;
  free: boolean;
  inWorkingHours: boolean;
  /** "YYYY-MM-DDTHH:MM" on the person's wall clock. */
  localStart: string;
}

export type BlockerReason =
  | "before_hours"
  | "after_hours"
  | "day_off"
  | "busy"
  | "absent"
  | "focus"
  | "no_meeting_day";

export interface SlotBlockerView {
  personId: string;
  reason: BlockerReason;
  /** "HH:MM" of the slot's start on the person's wall clock. */
  localTime: string;
}

export interface SlotView {
  start: string;
  end: string;
  /** 100 is a slot nobody pays for; lower is worse, by degrees. */
  score: number;
  attendees: SlotAttendeeView[];
  /** Who pays for this slot and why ("Aiko: 07:00 local, before working hours"). */
  blockers: SlotBlockerView[];
}

export interface PlannedOccurrenceView {
  start: string;
  end: string;
  burden: { personId: string; kind: InconvenienceKind }[];
}

export interface RotationPlanView {
  occurrences: PlannedOccurrenceView[];
  /** Inconvenience points this rotation adds per person. */
  burdenByPerson: Record<string, number>;
  /** Set when the rotation was saved. */
  rotationId?: string;
}

export interface RotationView {
  id: string;
  name: string | null;
  durationMinutes: number;
  cadence: "weekly";
  createdBy: string;
  createdAt: string;
  attendeeIds: string[];
  occurrences: { start: string; end: string }[];
}

export interface LedgerEntryView {
  source: "rotation" | "meeting";
  sourceId: string;
  /** The slot's start. */
  occurredAt: string;
  kind: InconvenienceKind;
  points: number;
}

export interface LedgerPersonView {
  personId: string;
  name: string;
  timeZone: string;
  /** All points on record. */
  points: number;
  /** Points of the 90 days before now and of what is already scheduled: what the slot finder weighs. */
  recentPoints: number;
  counts: Record<InconvenienceKind, number>;
  /** The latest entries, newest first (at most 5). */
  recent: LedgerEntryView[];
}

export interface LedgerView {
  people: LedgerPersonView[];
}
