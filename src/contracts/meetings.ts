import { z } from "zod";
import { advice, meetingKind } from "./agreement";
import { idParams, instant, localDate, name, text, uuid } from "./common";
import { MAX_MEETING_MINUTES } from "./scheduling";

/** Issue 11: meetings. Bodies are strict objects; views name every field that leaves the server. */

export const MAX_MEETING_ATTENDEES = 500;
export const MAX_SERIES_OCCURRENCES = 52;
export const MAX_AGENDA_ITEMS = 100;
export const MAX_NOTES_CHARS = 100_000;
export const MIN_OVERRIDE_REASON = 10;

export const AGENDA_OUTCOMES = ["inform", "discuss", "decide"] as const;
export const agendaOutcome = z.enum(AGENDA_OUTCOMES, { message: "must be inform, discuss or decide" });
export const RSVP_RESPONSES = ["yes", "no", "follow_async"] as const;
export const rsvpResponse = z.enum(RSVP_RESPONSES, { message: "must be yes, no or follow_async" });
/** `pending`: not answered yet. */
export type Rsvp = z.infer<typeof rsvpResponse> | "pending";
export const MEETING_STATUSES = ["scheduled", "completed", "cancelled"] as const;
export const RECURRENCE_FREQUENCIES = ["weekly", "biweekly", "monthly"] as const;

const title = name;
const longText = (max: number) => text().max(max, `must be at most ${max} characters`);
const minutes = z
  .number()
  .int("must be a whole number of minutes")
  .min(1, "must be more than 0")
  .max(MAX_MEETING_MINUTES, `must be at most ${MAX_MEETING_MINUTES} (8 hours)`);
const durationMinutes = minutes;

export const attendeeInput = z.strictObject({ personId: uuid, required: z.boolean().optional() });
export const agendaItemInput = z.strictObject({
  title,
  ownerId: uuid.optional(),
  minutes: minutes.optional(),
  outcome: agendaOutcome,
});
export type AgendaItemInput = z.infer<typeof agendaItemInput>;

export const recurrenceInput = z
  .strictObject({
    frequency: z.enum(RECURRENCE_FREQUENCIES, { message: "must be weekly, biweekly or monthly" }),
    count: z
      .number()
      .int("must be a whole number")
      .min(2, "a series has at least 2 meetings")
      .max(MAX_SERIES_OCCURRENCES, `must be at most ${MAX_SERIES_OCCURRENCES}`)
      .optional(),
    until: localDate.optional(),
  })
  .refine((r) => (r.count === undefined) !== (r.until === undefined), {
    message: "give either count (how many meetings) or until (the last date), one of the two",
  });
export type RecurrenceInput = z.infer<typeof recurrenceInput>;

export const overrideInput = z.strictObject({
  reason: text()
    .trim()
    .min(MIN_OVERRIDE_REASON, `must say why in at least ${MIN_OVERRIDE_REASON} characters`)
    .max(1000, "must be at most 1000 characters"),
});

/** Adds an issue at `preReadDocumentIds[i]` for every document named twice. */
function noRepeatedDocuments(ids: string[] | undefined, ctx: z.RefinementCtx) {
  ids?.forEach((id, i) => {
    if (ids.indexOf(id) < i)
      ctx.addIssue({ code: "custom", path: ["preReadDocumentIds", i], message: "appears twice" });
  });
}

/** Adds an issue at `attendees[i].personId` for every person named twice. */
function noRepeatedAttendees(attendees: { personId: string }[] | undefined, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  attendees?.forEach((a, i) => {
    if (seen.has(a.personId))
      ctx.addIssue({ code: "custom", path: ["attendees", i, "personId"], message: "appears twice" });
    seen.add(a.personId);
  });
}

const attendees = z
  .array(attendeeInput)
  .min(1, "name at least one attendee")
  .max(MAX_MEETING_ATTENDEES, `at most ${MAX_MEETING_ATTENDEES} attendees`);

const meetingFields = {
  title,
  kind: meetingKind,
  purpose: longText(500).optional(),
  start: instant,
  durationMinutes,
  attendees,
  teamId: uuid.optional(),
  description: longText(20_000).optional(),
  location: longText(2000).optional(),
  /** Links to read first (documents later). */
  preReads: z
    .array(
      z.strictObject({ title: longText(200).optional(), url: z.url({ message: "must be a web address" }) }),
    )
    .max(20)
    .optional(),
  /** Documents to read first, in order (ones the organiser may read). */
  preReadDocumentIds: z.array(uuid).max(20, "at most 20 documents").optional(),
  override: overrideInput.optional(),
};

export const createMeetingBody = z
  .strictObject({
    ...meetingFields,
    recurrence: recurrenceInput.optional(),
    agenda: z.array(agendaItemInput).max(MAX_AGENDA_ITEMS, `at most ${MAX_AGENDA_ITEMS} items`).optional(),
    templateId: uuid.optional(),
    /**
     * A saved rotation to hold as a weekly series at its planned times (`recurrence` must be absent,
     * `start` the rotation's first time); attendees default to the rotation's.
     */
    rotationId: uuid.optional(),
    attendees: attendees.optional(),
  })
  .superRefine((body, ctx) => {
    if (!body.attendees && !body.rotationId)
      ctx.addIssue({ code: "custom", path: ["attendees"], message: "name at least one attendee" });
    noRepeatedAttendees(body.attendees, ctx);
    noRepeatedDocuments(body.preReadDocumentIds, ctx);
  });
export type CreateMeetingBody = z.infer<typeof createMeetingBody>;

export const updateMeetingBody = z
  .strictObject({
    title: meetingFields.title.optional(),
    kind: meetingKind.optional(),
    purpose: meetingFields.purpose,
    start: instant.optional(),
    durationMinutes: durationMinutes.optional(),
    attendees: attendees.optional(),
    teamId: uuid.nullable().optional(),
    description: meetingFields.description,
    location: meetingFields.location,
    preReads: meetingFields.preReads,
    preReadDocumentIds: meetingFields.preReadDocumentIds,
    override: overrideInput.optional(),
  })
  .superRefine((body, ctx) => {
    noRepeatedAttendees(body.attendees, ctx);
    noRepeatedDocuments(body.preReadDocumentIds, ctx);
  });
export type UpdateMeetingBody = z.infer<typeof updateMeetingBody>;

export const meetingListQuery = z.strictObject({ from: instant.optional(), to: instant.optional() });
export const meetingParams = idParams;

export const rsvpBody = z.strictObject({ response: rsvpResponse });
export const agendaItemBody = agendaItemInput;
export const updateAgendaItemBody = z.strictObject({
  title: title.optional(),
  ownerId: uuid.nullable().optional(),
  minutes: minutes.nullable().optional(),
  outcome: agendaOutcome.optional(),
  notes: longText(MAX_NOTES_CHARS).optional(),
  status: z.enum(["open", "covered"], { message: "must be open or covered" }).optional(),
});
export const agendaOrderBody = z.strictObject({
  itemIds: z.array(uuid).max(MAX_AGENDA_ITEMS, `at most ${MAX_AGENDA_ITEMS} items`),
});
export const notesBody = z.strictObject({
  body: longText(MAX_NOTES_CHARS),
  baseVersion: z.number().int("must be a whole number").min(0, "must not be negative"),
});
export const privateNotesBody = z.strictObject({ body: longText(MAX_NOTES_CHARS) });
export const decisionBody = z.strictObject({
  text: longText(5000).trim().min(1, "must not be empty"),
  agendaItemId: uuid.optional(),
  supersedes: uuid.optional(),
});
export const actionItemBody = z.strictObject({
  text: longText(2000).trim().min(1, "must not be empty"),
  ownerId: uuid,
  due: localDate.optional(),
});
export const updateActionItemBody = z.strictObject({
  status: z.enum(["open", "done"], { message: "must be open or done" }),
  text: longText(2000).trim().min(1, "must not be empty").optional(),
  due: localDate.nullable().optional(),
});
export const actionItemsQuery = z.strictObject({
  owner: z.literal("me", { message: 'must be "me"' }).optional(),
  /** A team's items (its meetings' and the threads addressed to it), for its leads. */
  teamId: uuid.optional(),
  status: z.enum(["open", "done"], { message: "must be open or done" }).optional(),
});
export const ratingBody = z.strictObject({
  worthIt: z.number().int("must be a whole number").min(1, "must be 1 to 5").max(5, "must be 1 to 5"),
  couldBeAsync: z.boolean(),
});
export const templateBody = z.strictObject({
  name,
  kind: meetingKind.optional(),
  agenda: z.array(agendaItemInput).min(1, "name at least one item").max(MAX_AGENDA_ITEMS),
});
export const meetingLoadQuery = z.strictObject({
  weeks: z.coerce.number().int("must be a whole number").min(1).max(26).optional(),
});

// ── Views ────────────────────────────────────────────────────────────────────────────────────────
export const violationView = z.object({
  ruleId: z.string(),
  personId: z.string().optional(),
  text: z.string(),
});
export type Violation = z.infer<typeof violationView>;

export const agendaItemView = z.object({
  id: z.string(),
  meetingId: z.string(),
  position: z.number(),
  title: z.string(),
  ownerId: z.string().nullable(),
  minutes: z.number().nullable(),
  outcome: agendaOutcome,
  notes: z.string(),
  status: z.enum(["open", "covered"]),
  /** Set when carried from an earlier meeting of the series. */
  carriedFrom: z.string().nullable(),
});
export type AgendaItemView = z.infer<typeof agendaItemView>;

export const attendeeView = z.object({
  personId: z.string(),
  name: z.string(),
  timeZone: z.string(),
  required: z.boolean(),
  rsvp: z.enum([...RSVP_RESPONSES, "pending"]),
});
export const decisionView = z.object({
  id: z.string(),
  text: z.string(),
  agendaItemId: z.string().nullable(),
  supersedes: z.string().nullable(),
  recordedBy: z.string(),
  createdAt: z.string(),
});
export const actionItemView = z.object({
  id: z.string(),
  /** Where it was agreed: a meeting or a thread (issue 12); exactly one is set. */
  meetingId: z.string().nullable(),
  updateId: z.string().nullable(),
  /** The meeting's or the thread's title. */
  meetingTitle: z.string(),
  text: z.string(),
  ownerId: z.string(),
  due: z.string().nullable(),
  status: z.enum(["open", "done"]),
  createdAt: z.string(),
  carriedFrom: z.string().nullable(),
});
export type ActionItemView = z.infer<typeof actionItemView>;
export const overrideView = z.object({
  reason: z.string(),
  ruleIds: z.array(z.string()),
  by: z.string(),
  at: z.string(),
});
export const ratingView = z.object({
  count: z.number(),
  worthItAverage: z.number().optional(),
  couldBeAsyncShare: z.number().optional(),
  /** Whether the viewer has answered. */
  mine: z.boolean().optional(),
});

/** What everyone may see of a meeting they are invited to; private kinds show this much to nobody else. */
export const meetingSummaryView = z.object({
  id: z.string(),
  title: z.string(),
  kind: meetingKind,
  start: z.string(),
  end: z.string(),
  durationMinutes: z.number(),
  status: z.enum(MEETING_STATUSES),
  organiserId: z.string(),
  teamId: z.string().nullable(),
  seriesId: z.string().nullable(),
  cost: z.object({ personHours: z.number() }),
  /** Agenda empty past the agreement's `agendaRequiredHoursBefore`. */
  agendaMissing: z.boolean(),
  myRsvp: z.enum([...RSVP_RESPONSES, "pending"]).nullable(),
  attendeeCount: z.number(),
});
export type MeetingSummaryView = z.infer<typeof meetingSummaryView>;

export const recapView = z.object({
  completedAt: z.string(),
  decisions: z.array(decisionView),
  actionItems: z.array(actionItemView),
  covered: z.array(z.string()),
  uncovered: z.array(z.string()),
  notesSummary: z.string(),
  /** The recap as markdown, as it was sent. */
  markdown: z.string(),
});
export type RecapView = z.infer<typeof recapView>;

export const meetingView = meetingSummaryView.extend({
  purpose: z.string().nullable(),
  description: z.string().nullable(),
  location: z.string().nullable(),
  preReads: z.array(z.object({ title: z.string().nullable(), url: z.string() })),
  /** The documents to read first that the viewer may read, in order, with their current titles. */
  preReadDocuments: z.array(z.object({ id: z.string(), title: z.string() })),
  attendees: z.array(attendeeView),
  agenda: z.array(agendaItemView),
  decisions: z.array(decisionView),
  actionItems: z.array(actionItemView),
  notes: z.object({ body: z.string(), html: z.string(), version: z.number() }),
  overrides: z.array(overrideView),
  rating: ratingView,
  recap: recapView.nullable(),
  series: z
    .object({
      id: z.string(),
      frequency: z.enum(RECURRENCE_FREQUENCIES),
      index: z.number(),
      total: z.number(),
      nextId: z.string().nullable(),
      previousId: z.string().nullable(),
    })
    .optional(),
  cancelledAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** What the agreement says about the meeting as it stands (warnings only; blocks were overridden). */
  warnings: z.array(violationView),
});
export type MeetingView = z.infer<typeof meetingView>;

export const meetingCreated = z.object({
  meeting: meetingView,
  advice,
  warnings: z.array(violationView),
});
/** PATCH: `advice` when the time, length or attendees changed (the advisor is asked again). */
export const meetingUpdated = z.object({
  meeting: meetingView,
  advice: advice.optional(),
  warnings: z.array(violationView),
});
export const meetingList = z.object({ meetings: z.array(meetingSummaryView) });
export const oneMeeting = z.object({ meeting: meetingView });
export const notesView = z.object({
  notes: z.object({ body: z.string(), html: z.string(), version: z.number() }),
});
export const privateNotesView = z.object({
  privateNotes: z.object({ body: z.string(), updatedAt: z.string().nullable() }),
});
export const templateView = z.object({
  id: z.string(),
  name: z.string(),
  kind: meetingKind.nullable(),
  builtIn: z.boolean(),
  agenda: z.array(z.object({ title: z.string(), minutes: z.number().nullable(), outcome: agendaOutcome })),
});
export type TemplateView = z.infer<typeof templateView>;
export const meetingLoadView = z.object({
  weeks: z.array(z.object({ weekStart: z.string(), meetingHours: z.number(), budgetHours: z.number() })),
  /** "person": the person's own weeks; "team": their team's average per member (what a lead sees). */
  scope: z.enum(["person", "team"]).optional(),
  teamId: z.string().optional(),
});
export const meetingCompleted = z.object({ meeting: meetingView, recap: recapView });
/** An agenda item as written; `nudge` when it only informs (an async update would do). */
export const agendaItemAnswer = z.object({ item: agendaItemView, nudge: z.string().optional() });
export const agendaView = z.object({ agenda: z.array(agendaItemView) });
export const templateList = z.object({ templates: z.array(templateView) });
export const oneTemplate = z.object({ template: templateView });
export const oneDecision = z.object({ decision: decisionView });
export const oneActionItem = z.object({ actionItem: actionItemView });
export const actionItemList = z.object({ actionItems: z.array(actionItemView) });
export const oneRating = z.object({ rating: ratingView });
