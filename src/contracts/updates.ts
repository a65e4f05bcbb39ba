import { z } from "zod";
import { idParams, instant, localDate, text, uuid } from "./common";
import { MARKDOWN_MAX } from "./markdown";
import { recordingView } from "./recordings";

/** Issue 12: async updates, threads, proposals and the decision log. */

export const UPDATE_KINDS = [
  "status",
  "proposal",
  "question",
  "announcement",
  /** Published by a meeting when it is completed. */
  "recap",
  "video",
  "checkin_digest",
] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];
/** What a person writes in the composer; the others are posted by Tandem (recaps) or later capabilities. */
export const POSTABLE_KINDS = ["status", "proposal", "question", "announcement"] as const;
/** What `POST /updates` takes: the composer's kinds and a video (a recording posted by the recorder). */
export const CREATABLE_KINDS = [...POSTABLE_KINDS, "video"] as const;
export const URGENCIES = ["urgent", "normal", "low"] as const;
export type Urgency = (typeof URGENCIES)[number];
/** The small fixed set of reactions. */
export const REACTIONS = ["👍", "❤️", "🎉", "😄", "🤔", "👀"] as const;
export const STANCES = ["agree", "disagree", "abstain"] as const;
export type Stance = (typeof STANCES)[number];
export const MAX_UPDATE_PEOPLE = 500;
export const MAX_REQUIRED_RESPONDERS = 100;
export const MAX_COMMENT_CHARS = 20_000;
export const ESCALATION_MINUTES = { min: 15, max: 30, default: 25 } as const;

const title = text().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
const body = text().max(MARKDOWN_MAX, `must be at most ${MARKDOWN_MAX} characters`);
const longText = (max: number) => text().max(max, `must be at most ${max} characters`);
const people = (max: number) =>
  z
    .array(uuid)
    .max(max, `at most ${max} people`)
    .refine((ids) => new Set(ids).size === ids.length, "names someone twice");

export const urgency = z.enum(URGENCIES, { message: "must be urgent, normal or low" });
export const updateKind = z.enum(UPDATE_KINDS);

/** Who an update is addressed to: a team, named people, the organisation — one or more of them. */
export const audienceInput = z
  .strictObject({
    teamId: uuid.optional(),
    personIds: people(MAX_UPDATE_PEOPLE).optional(),
    organisation: z.boolean().optional(),
  })
  .refine((a) => a.organisation === true || a.teamId !== undefined || (a.personIds?.length ?? 0) > 0, {
    message: "choose who it is for: a team, named people or the whole organisation",
  });
export type AudienceInput = z.infer<typeof audienceInput>;

export const LINK_TYPES = ["document", "meeting"] as const;
export const linkInput = z.strictObject({
  type: z.enum(LINK_TYPES, { message: "must be document or meeting" }),
  id: uuid,
});
const links = z.array(linkInput).max(20, "at most 20 links");

export const createUpdateBody = z
  .strictObject({
    kind: z.enum(CREATABLE_KINDS, { message: "must be status, proposal, question, announcement or video" }),
    title,
    /** A video's words may be left out: the recording speaks for itself. */
    body: body.optional(),
    audience: audienceInput,
    urgency: urgency.optional(),
    requiredResponderIds: people(MAX_REQUIRED_RESPONDERS).optional(),
    /** Proposals only: when the decision is due. */
    decisionDue: instant.optional(),
    links: links.optional(),
    /** Video only: the author's own ready recording (`POST /api/v1/recordings`). */
    recordingId: uuid.optional(),
  })
  .refine((u) => u.decisionDue === undefined || u.kind === "proposal", {
    message: "only a proposal has a decision deadline",
    path: ["decisionDue"],
  })
  .refine((u) => u.kind !== "video" || u.recordingId !== undefined, {
    message: "a video update needs its recording: record or upload the video first",
    path: ["recordingId"],
  })
  .refine((u) => u.recordingId === undefined || u.kind === "video", {
    message: "only a video update carries a recording",
    path: ["recordingId"],
  })
  .refine((u) => u.body !== undefined || u.kind === "video", {
    message: "is required (it may be empty)",
    path: ["body"],
  });
export type CreateUpdateBody = z.infer<typeof createUpdateBody>;

/** `PATCH /updates/:id`: the author's edit; the previous text is kept as a version. */
export const patchUpdateBody = z
  .strictObject({
    title: title.optional(),
    body: body.optional(),
    urgency: urgency.optional(),
    links: links.optional(),
    decisionDue: instant.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: "say what to change" });
export type PatchUpdateBody = z.infer<typeof patchUpdateBody>;

/** What the composer shows before posting: each required responder's reply-by. */
export const replyByPreviewBody = z.strictObject({
  urgency: urgency.optional(),
  requiredResponderIds: people(MAX_REQUIRED_RESPONDERS).min(1, "name at least one responder"),
});

const flag = z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true");
export const updateListQuery = z.strictObject({
  feed: z.enum(["mine", "team"], { message: "must be mine or team" }).optional(),
  teamId: uuid.optional(),
  kind: updateKind.optional(),
  needsMyReply: flag.optional(),
  overdue: flag.optional(),
  cursor: longText(200).optional(),
  limit: z.coerce.number().int("must be a whole number").min(1).max(100).optional(),
});
export type UpdateListQuery = z.infer<typeof updateListQuery>;
export const updateParams = idParams;

export const commentBody = z.strictObject({
  body: longText(MAX_COMMENT_CHARS).trim().min(1, "must not be empty"),
  parentId: uuid.optional(),
  /** On a video update: the moment of the video it is about, in milliseconds from the start. */
  atMs: z
    .number({ message: "must be a number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(0, "must be 0 or more")
    .optional(),
});
export const reactionBody = z.strictObject({
  emoji: z.enum(REACTIONS, { message: `must be one of ${REACTIONS.join(" ")}` }),
});
export const responseBody = z.strictObject({
  stance: z.enum(STANCES, { message: "must be agree, disagree or abstain" }),
  comment: longText(5000).optional(),
});
export const threadActionItemBody = z.strictObject({
  text: longText(2000).trim().min(1, "must not be empty"),
  ownerId: uuid,
  due: localDate.optional(),
});
export const updateDecisionBody = z.strictObject({
  text: longText(5000).trim().min(1, "must not be empty"),
  supersedes: uuid.optional(),
});
export const escalationBody = z.strictObject({
  durationMinutes: z
    .number()
    .int("must be a whole number of minutes")
    .min(ESCALATION_MINUTES.min, `must be at least ${ESCALATION_MINUTES.min}`)
    .max(ESCALATION_MINUTES.max, `must be at most ${ESCALATION_MINUTES.max}`)
    .optional(),
  start: instant.optional(),
});
export const decisionsQuery = z.strictObject({
  q: longText(200).optional(),
  teamId: uuid.optional(),
  from: instant.optional(),
  to: instant.optional(),
});

// ── Views ────────────────────────────────────────────────────────────────────────────────────────
const person = z.object({ personId: z.string(), name: z.string() });

export const responderView = z.object({
  personId: z.string(),
  name: z.string(),
  timeZone: z.string(),
  /** When this person has had the agreement's hours of their own working time; null: never in 30 days. */
  replyBy: z.string().nullable(),
  answeredAt: z.string().optional(),
});
export type ResponderView = z.infer<typeof responderView>;

export const audienceView = z.object({
  organisation: z.boolean(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  people: z.array(person),
});

export const linkView = z.object({ type: z.enum(LINK_TYPES), id: z.string(), title: z.string() });

export const stalledView = z.object({
  reason: z.enum(["reply_by_passed", "long_back_and_forth", "split_at_deadline"]),
  /** The reason in words. */
  text: z.string(),
});
export type StalledView = z.infer<typeof stalledView>;

/** What a feed shows of an update. */
export const updateSummaryView = z.object({
  id: z.string(),
  kind: updateKind,
  title: z.string(),
  /** The first paragraph as plain text. */
  excerpt: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  audience: audienceView,
  urgency: urgency,
  createdAt: z.string(),
  /** Set when edited after posting. */
  editedAt: z.string().nullable(),
  replyBy: z.string().nullable(),
  responders: z.array(responderView),
  decisionDue: z.string().nullable(),
  closedAt: z.string().nullable(),
  commentCount: z.number(),
  /** Whether the viewer has not opened it yet. */
  unread: z.boolean(),
  /** The viewer is a required responder who has not answered. */
  needsMyReply: z.boolean(),
  /** Past reply-by with answers missing. */
  overdue: z.boolean(),
  /** The meeting a recap comes from, or an escalation's meeting. */
  meetingId: z.string().nullable(),
  /** A video update's recording ("expired" once retention deleted its file); null for other kinds. */
  recording: recordingView.nullable(),
});
export type UpdateSummaryView = z.infer<typeof updateSummaryView>;

export const commentView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  body: z.string(),
  html: z.string(),
  createdAt: z.string(),
  /** The moment of the video it points at (a video update's timed comment), else null. */
  atMs: z.number().nullable(),
});
export type CommentView = z.infer<typeof commentView>;

export const reactionView = z.object({
  emoji: z.enum(REACTIONS),
  count: z.number(),
  people: z.array(person),
  mine: z.boolean(),
});
export const acknowledgementView = z.object({ personId: z.string(), name: z.string(), at: z.string() });
export const seenView = z.object({ personId: z.string(), name: z.string(), at: z.string() });
export const responseView = z.object({
  personId: z.string(),
  name: z.string(),
  stance: z.enum(STANCES),
  comment: z.string().nullable(),
  at: z.string(),
});
export const decisionSourceView = z.object({
  type: z.enum(["meeting", "update"]),
  id: z.string(),
  title: z.string(),
});
export const logDecisionView = z.object({
  id: z.string(),
  text: z.string(),
  source: decisionSourceView,
  decidedBy: person,
  decidedAt: z.string(),
  supersedes: z.string().nullable(),
  supersededBy: z.string().nullable(),
  teamId: z.string().nullable(),
});
export type LogDecisionView = z.infer<typeof logDecisionView>;
export const versionView = z.object({
  version: z.number(),
  title: z.string(),
  body: z.string(),
  html: z.string(),
  editedBy: z.string(),
  at: z.string(),
});
export const escalationOfferView = z.object({
  durationMinutes: z.number(),
  participantIds: z.array(z.string()),
  /** The best overlap slot, if one exists in the next 7 days. */
  slot: z.object({ start: z.string(), end: z.string() }).nullable(),
});

export const updateView = updateSummaryView.extend({
  body: z.string(),
  html: z.string(),
  links: z.array(linkView),
  comments: z.array(commentView),
  reactions: z.array(reactionView),
  acknowledgements: z.array(acknowledgementView),
  /** Who opened it: names for the author, [] for anyone else. */
  seenBy: z.array(seenView),
  responses: z.array(responseView),
  tally: z.object({ agree: z.number(), disagree: z.number(), abstain: z.number() }),
  decision: logDecisionView.optional(),
  stalled: stalledView.optional(),
  /** Offered while stalled and open. */
  escalation: escalationOfferView.optional(),
  versions: z.array(versionView),
  /** What the viewer may do here. */
  can: z.object({ edit: z.boolean(), delete: z.boolean(), decide: z.boolean(), respond: z.boolean() }),
});
export type UpdateView = z.infer<typeof updateView>;

export const oneUpdate = z.object({ update: updateView });
export const updateList = z.object({
  updates: z.array(updateSummaryView),
  nextCursor: z.string().nullable(),
});
export const oneComment = z.object({ comment: commentView });
export const reactionsAnswer = z.object({ reactions: z.array(reactionView) });
export const oneUpdateDecision = z.object({ decision: logDecisionView });
export const decisionLog = z.object({ decisions: z.array(logDecisionView) });
export const replyByPreview = z.object({
  hours: z.number(),
  replyBy: z.string().nullable(),
  responders: z.array(responderView),
});
