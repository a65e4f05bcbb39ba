import { z } from "zod";
import { localDate, text, uuid } from "./common";
import { WEEKDAYS } from "./week";

/**
 * Issue 15: check-ins — rituals delivered at each participant's own local time, answers, blockers
 * routed to the person who can unblock, a digest posted to the feed, and pulse answers kept private
 * (aggregates only above the organisation's minimum group size).
 */

export const QUESTION_TYPES = ["text", "scale", "yes_no", "blocker", "pulse"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const TEMPLATE_IDS = ["daily_standup", "weekly_checkin", "team_health", "social_question"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
/** "At the start of each person's working day" instead of a wall-clock time. */
export const START_OF_DAY = "start_of_day";
export const MAX_QUESTIONS = 20;
export const MAX_PARTICIPANTS = 500;
/** A response window of at most a week. */
export const MAX_WINDOW_HOURS = 168;
/** The organisation's minimum group sizes can be raised, never set below these. */
export const MIN_GROUP_SIZE = 5;
export const MIN_TEXT_GROUP_SIZE = 10;
export const BLOCKER_STATUSES = ["open", "resolved"] as const;
export type BlockerStatus = (typeof BLOCKER_STATUSES)[number];
/** How long a pulse window may be asked for at once. */
export const MAX_PULSE_DAYS = 366;

const prompt = text().trim().min(1, "must not be empty").max(500, "must be at most 500 characters");
const label = text().trim().min(1, "must not be empty").max(60, "must be at most 60 characters");

export const checkinSchedule = z.strictObject({
  days: z
    .array(z.enum(WEEKDAYS, { message: "must be a day of the week: mon, tue, wed, thu, fri, sat or sun" }))
    .min(1, "must name at least one day")
    .max(7, "must name each day at most once")
    .refine((days) => new Set(days).size === days.length, "must name each day at most once"),
  localTime: text().regex(
    /^(([01]\d|2[0-3]):[0-5]\d|start_of_day)$/,
    "must be a time HH:MM, such as 09:30, or start_of_day",
  ),
});
export type CheckinSchedule = z.infer<typeof checkinSchedule>;

export const questionBody = z
  .strictObject({
    /** Kept when editing a ritual, so a question keeps its answers' history; absent for a new one. */
    id: uuid.optional(),
    type: z.enum(QUESTION_TYPES, { message: "must be text, scale, yes_no, blocker or pulse" }),
    prompt,
    /** Scale and pulse: the labels of 1 … 5 (five, in order). */
    options: z.array(label).length(5, "must hold five labels, for 1 to 5").optional(),
    /** Blocker: how the person who can unblock is asked for ("Who can unblock you?"). */
    unblockerPrompt: prompt.optional(),
    /** A light question whose prompt changes each week (the social question): one of these in turn. */
    rotatingPrompts: z.array(prompt).min(2, "must hold at least two prompts").max(52).optional(),
  })
  .refine((q) => q.options === undefined || q.type === "scale" || q.type === "pulse", {
    path: ["options"],
    message: "are only for scale and pulse questions",
  })
  .refine((q) => q.unblockerPrompt === undefined || q.type === "blocker", {
    path: ["unblockerPrompt"],
    message: "is only for blocker questions",
  })
  .refine((q) => q.rotatingPrompts === undefined || q.type === "text", {
    path: ["rotatingPrompts"],
    message: "are only for text questions",
  });
export type QuestionBody = z.infer<typeof questionBody>;

const questions = z
  .array(questionBody)
  .min(1, "must hold at least one question")
  .max(MAX_QUESTIONS, `must hold at most ${MAX_QUESTIONS} questions`);
const windowHours = z
  .number({ message: "must be a number of hours" })
  .int("must be a whole number of hours")
  .min(1, "must be at least 1 hour")
  .max(MAX_WINDOW_HOURS, `must be at most ${MAX_WINDOW_HOURS} hours (a week)`);
const participantIds = z.array(uuid).max(MAX_PARTICIPANTS, `must name at most ${MAX_PARTICIPANTS} people`);
const ritualName = text().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

/**
 * `POST /api/v1/checkins`. With `templateId`, what is left out comes from the template (its name,
 * schedule, window, reminder and questions); without one, all of those must be given.
 */
export const createCheckinBody = z.strictObject({
  name: ritualName.optional(),
  teamId: uuid.optional(),
  participantIds: participantIds.optional(),
  schedule: checkinSchedule.optional(),
  windowHours: windowHours.optional(),
  reminder: z.boolean({ message: "must be true or false" }).optional(),
  questions: questions.optional(),
  templateId: z.enum(TEMPLATE_IDS, { message: `must be one of: ${TEMPLATE_IDS.join(", ")}` }).optional(),
});
export type CreateCheckinBody = z.infer<typeof createCheckinBody>;

/** `PATCH /api/v1/checkins/:id`: any of these; `questions` replaces the list (keep ids to keep a question). */
export const updateCheckinBody = z.strictObject({
  name: ritualName.optional(),
  teamId: uuid.nullable().optional(),
  participantIds: participantIds.optional(),
  schedule: checkinSchedule.optional(),
  windowHours: windowHours.optional(),
  reminder: z.boolean({ message: "must be true or false" }).optional(),
  questions: questions.optional(),
  /** A paused ritual is not delivered. */
  paused: z.boolean({ message: "must be true or false" }).optional(),
});
export type UpdateCheckinBody = z.infer<typeof updateCheckinBody>;

/** `POST /api/v1/checkins/preview`: when the next occurrence reaches each participant. */
export const previewBody = z.strictObject({
  teamId: uuid.optional(),
  participantIds: participantIds.optional(),
  schedule: checkinSchedule,
});

export const checkinParams = z.strictObject({ id: uuid });
export const digestQuery = z.strictObject({ localDate: localDate.optional() });
export const periodQuery = z
  .strictObject({ from: localDate.optional(), to: localDate.optional() })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.to < q.from)
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    if (q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > MAX_PULSE_DAYS * 86_400_000)
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `may be at most ${MAX_PULSE_DAYS} days after from`,
      });
  });

export const answerBody = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        questionId: uuid,
        text: text().trim().max(4000, "must be at most 4,000 characters").optional(),
        /** Scale and pulse: 1 … 5; yes/no: true or false. */
        value: z
          .union([z.number().int("must be a whole number"), z.boolean()], {
            message: "must be a number from 1 to 5, or true or false for a yes/no question",
          })
          .optional(),
        /** Blocker: the person who can unblock (told at once, inside their hours unless urgent). */
        unblockerId: uuid.optional(),
        /** Blocker: tell the unblocker now, even outside their hours. */
        urgent: z.boolean({ message: "must be true or false" }).optional(),
      }),
    )
    .min(1, "must hold at least one answer")
    .max(MAX_QUESTIONS, `must hold at most ${MAX_QUESTIONS} answers`),
});
export type AnswerBody = z.infer<typeof answerBody>;

export const blockersQuery = z.strictObject({
  /** "me": blockers naming me as the one who can unblock. */
  assignee: z.enum(["me"], { message: "must be me" }).optional(),
  /** A team's blockers (its leads, admins). */
  teamId: uuid.optional(),
  status: z.enum(["open", "resolved", "all"], { message: "must be open, resolved or all" }).optional(),
});
export const blockerBody = z.strictObject({
  status: z.enum(["resolved", "open"], { message: "must be resolved or open" }),
});

export const privacyBody = z.strictObject({
  minGroupSize: z
    .number({ message: "must be a number of people" })
    .int("must be a whole number")
    .min(MIN_GROUP_SIZE, `must be at least ${MIN_GROUP_SIZE}`)
    .max(1000, "must be at most 1,000"),
  minTextGroupSize: z
    .number({ message: "must be a number of people" })
    .int("must be a whole number")
    .min(MIN_TEXT_GROUP_SIZE, `must be at least ${MIN_TEXT_GROUP_SIZE}`)
    .max(1000, "must be at most 1,000"),
});
export type PrivacySettings = z.infer<typeof privacyBody>;

// ── Views ─────────────────────────────────────────────────────────────────────────────────────────

const personRef = z.object({ id: z.string(), name: z.string() });

export const questionView = z.object({
  id: z.string(),
  type: z.enum(QUESTION_TYPES),
  prompt: z.string(),
  options: z.array(z.string()).nullable(),
  unblockerPrompt: z.string().nullable(),
  rotatingPrompts: z.array(z.string()).nullable(),
  /** Order key: questions are asked in increasing position. */
  position: z.number(),
});
export type QuestionView = z.infer<typeof questionView>;

export const checkinView = z.object({
  id: z.string(),
  name: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  /** People named besides the team. */
  participantIds: z.array(z.string()),
  /** Everyone it is delivered to now: the team's members and the named people (active only). */
  participants: z.array(personRef),
  schedule: checkinSchedule,
  windowHours: z.number(),
  reminder: z.boolean(),
  paused: z.boolean(),
  templateId: z.enum(TEMPLATE_IDS).nullable(),
  ownerId: z.string(),
  questions: z.array(questionView),
  createdAt: z.string(),
  /** Whether the viewer may change or delete it, and see who has not answered. */
  canManage: z.boolean(),
});
export type CheckinView = z.infer<typeof checkinView>;

export const templateView = z.object({
  id: z.enum(TEMPLATE_IDS),
  name: z.string(),
  description: z.string(),
  schedule: checkinSchedule,
  windowHours: z.number(),
  reminder: z.boolean(),
  questions: z.array(questionBody),
});
export type TemplateView = z.infer<typeof templateView>;

/** A question as asked in one occurrence (the rotating prompt of that week chosen). */
export const askedQuestion = z.object({
  id: z.string(),
  type: z.enum(QUESTION_TYPES),
  prompt: z.string(),
  options: z.array(z.string()).nullable(),
  unblockerPrompt: z.string().nullable(),
});
export type AskedQuestion = z.infer<typeof askedQuestion>;

export const myAnswerView = z.object({
  questionId: z.string(),
  text: z.string().nullable(),
  value: z.union([z.number(), z.boolean()]).nullable(),
  unblockerId: z.string().nullable(),
  late: z.boolean(),
});
export type MyAnswerView = z.infer<typeof myAnswerView>;

/** One person's occurrence: only ever shown to that person. */
export const occurrenceView = z.object({
  id: z.string(),
  checkinId: z.string(),
  checkinName: z.string(),
  /** The person's own local date it was delivered for. */
  localDate: z.string(),
  deliveredAt: z.string(),
  /** When the response window closes: no answer is taken after it. */
  dueAt: z.string(),
  /** Answers after this are accepted but marked late (half the window, inside the person's hours). */
  lateAfter: z.string(),
  questions: z.array(askedQuestion),
  answers: z.array(myAnswerView),
  answeredAt: z.string().nullable(),
});
export type OccurrenceView = z.infer<typeof occurrenceView>;

export const blockerView = z.object({
  id: z.string(),
  checkinId: z.string(),
  checkinName: z.string(),
  occurrenceId: z.string(),
  author: personRef,
  assignee: personRef.nullable(),
  text: z.string(),
  urgent: z.boolean(),
  status: z.enum(BLOCKER_STATUSES),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type BlockerView = z.infer<typeof blockerView>;

const distribution = z.array(z.number()).length(5);

/** One question in a digest: what kind of summary depends on its type; pulse only above the thresholds. */
export const digestQuestion = z.object({
  id: z.string(),
  type: z.enum(QUESTION_TYPES),
  prompt: z.string(),
  /** How many answered this question. */
  respondents: z.number(),
  /** Text and blocker answers, with their author (never for pulse). */
  answers: z.array(z.object({ person: personRef, text: z.string(), late: z.boolean() })).optional(),
  /** Scale (and pulse at or above the minimum group size). */
  average: z.number().optional(),
  /** Counts of 1 … 5 (scale; pulse at or above the minimum group size). */
  distribution: distribution.optional(),
  yes: z.number().optional(),
  no: z.number().optional(),
  /** Pulse comments, without names, only at or above the minimum group size for text. */
  comments: z.array(z.string()).optional(),
  /** Why a pulse summary is held back ("Shown for groups of 5 or more"). */
  withheld: z.string().optional(),
});
export type DigestQuestion = z.infer<typeof digestQuestion>;

export const digestView = z.object({
  checkinId: z.string(),
  checkinName: z.string(),
  localDate: z.string(),
  /** Whether every participant's window has closed (the digest was posted). */
  closed: z.boolean(),
  /** The update it was posted as, once closed. */
  updateId: z.string().nullable(),
  participants: z.number(),
  answered: z.number(),
  questions: z.array(digestQuestion),
  blockers: z.array(blockerView),
  /** Only for those who run the ritual (its team's leads, its owner): who has not answered. */
  notAnswered: z.array(personRef).optional(),
  /** Local dates with occurrences, newest first, for the page's picker. */
  dates: z.array(z.string()),
});
export type DigestView = z.infer<typeof digestView>;

export const pulseView = z.object({
  minGroupSize: z.number(),
  periods: z.array(
    z.object({
      /** The Monday (local date) the week starts on. */
      start: z.string(),
      respondents: z.number(),
      average: z.number().optional(),
      distribution: distribution.optional(),
    }),
  ),
  /** The viewer's own weekly average (only theirs; absent for weeks they did not answer). */
  mine: z.array(z.object({ start: z.string(), average: z.number() })),
});
export type PulseView = z.infer<typeof pulseView>;

export const participationView = z.object({
  periods: z.array(
    z.object({
      localDate: z.string(),
      participants: z.number(),
      answered: z.number(),
      /** Only for those who run the ritual, and only for an occurrence still open or the latest one. */
      notAnswered: z.array(personRef).optional(),
    }),
  ),
});
export type ParticipationView = z.infer<typeof participationView>;

export const previewView = z.object({
  deliveries: z.array(
    z.object({
      person: personRef,
      timeZone: z.string(),
      localDate: z.string(),
      /** The next delivery instant (ISO); null when nothing is delivered in the next two weeks. */
      at: z.string().nullable(),
    }),
  ),
});
export type PreviewView = z.infer<typeof previewView>;
