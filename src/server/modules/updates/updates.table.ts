import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Stance, UpdateKind, Urgency } from "../../../contracts/updates";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";
import { recordings } from "../recordings/recordings.table";
import { teams } from "../teams/teams.table";

const orgId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });
const updateId = () =>
  uuid("update_id")
    .notNull()
    .references(() => updates.id, { onDelete: "cascade" });
const personId = (column = "person_id") =>
  uuid(column)
    .notNull()
    .references(() => people.id, { onDelete: "cascade" });
const at = (column: string) => timestamp(column, { withTimezone: true });

/**
 * An async update (a thread). Its audience is the organisation, a team and/or named people
 * (`update_audience`); `title`/`body` are the current version, earlier ones are in `update_versions`.
 */
export const updates = pgTable(
  "updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    kind: text("kind").$type<UpdateKind>().notNull(),
    authorId: personId("author_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** Version of `title`/`body`, from 1; raised by every edit. */
    version: integer("version").notNull().default(1),
    audienceOrganisation: boolean("audience_organisation").notNull().default(false),
    audienceTeamId: uuid("audience_team_id").references(() => teams.id, { onDelete: "set null" }),
    urgency: text("urgency").$type<Urgency>().notNull().default("normal"),
    /** The latest required responder's deadline. */
    replyBy: at("reply_by"),
    decisionDue: at("decision_due"),
    /** A recap's meeting, or the meeting an escalation created (no foreign key: meetings refer to updates). */
    meetingId: uuid("meeting_id"),
    /** A video update's recording (one update per recording). */
    recordingId: uuid("recording_id").references(() => recordings.id, { onDelete: "set null" }),
    /** When stall was noticed and the escalation offered (once). */
    stalledAt: at("stalled_at"),
    closedAt: at("closed_at"),
    createdAt: at("created_at").notNull().defaultNow(),
    editedAt: at("edited_at"),
  },
  (t) => [
    index("updates_org_created_idx").on(t.organisationId, t.createdAt),
    index("updates_team_idx").on(t.organisationId, t.audienceTeamId, t.createdAt),
    index("updates_meeting_idx").on(t.meetingId),
    uniqueIndex("updates_recording_idx").on(t.recordingId),
  ],
);

/** Named people an update is addressed to (besides its team or organisation). */
export const updateAudience = pgTable(
  "update_audience",
  { updateId: updateId(), organisationId: uuid("organisation_id").notNull(), personId: personId() },
  (t) => [
    primaryKey({ columns: [t.updateId, t.personId] }),
    index("update_audience_person_idx").on(t.personId),
  ],
);

/** People who must answer or acknowledge, each with their own reply-by and reminders sent. */
export const updateResponders = pgTable(
  "update_responders",
  {
    updateId: updateId(),
    organisationId: uuid("organisation_id").notNull(),
    personId: personId(),
    replyBy: at("reply_by"),
    /** About 50% and 90% of their working time to the reply-by: when each reminder is due. */
    remindAt: at("remind_at"),
    lateRemindAt: at("late_remind_at"),
    remindedAt: at("reminded_at"),
    lateRemindedAt: at("late_reminded_at"),
    answeredAt: at("answered_at"),
  },
  (t) => [
    primaryKey({ columns: [t.updateId, t.personId] }),
    index("update_responders_person_idx").on(t.organisationId, t.personId),
    index("update_responders_due_idx").on(t.remindAt).where(sql`${t.answeredAt} is null`),
  ],
);

/** Earlier versions of an update's title and body (the current one is on `updates`). */
export const updateVersions = pgTable(
  "update_versions",
  {
    updateId: updateId(),
    organisationId: uuid("organisation_id").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    editedBy: personId("edited_by"),
    at: at("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.version] })],
);

export const updateLinks = pgTable(
  "update_links",
  {
    updateId: updateId(),
    organisationId: uuid("organisation_id").notNull(),
    type: text("type", { enum: ["document", "meeting"] }).notNull(),
    targetId: uuid("target_id").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.position] }), index("update_links_target_idx").on(t.targetId)],
);

/** Comments, one level of replies (`parent_id` is a top-level comment). */
export const updateComments = pgTable(
  "update_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    updateId: updateId(),
    organisationId: uuid("organisation_id").notNull(),
    parentId: uuid("parent_id"),
    authorId: personId("author_id"),
    body: text("body").notNull(),
    /** A comment on a video update may point at a moment in it (milliseconds from the start). */
    atMs: integer("at_ms"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("update_comments_update_idx").on(t.updateId, t.createdAt)],
);

export const updateReactions = pgTable(
  "update_reactions",
  {
    updateId: updateId(),
    organisationId: uuid("organisation_id").notNull(),
    personId: personId(),
    emoji: text("emoji").notNull(),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.personId, t.emoji] })],
);

/** "Got it". */
export const updateAcknowledgements = pgTable(
  "update_acknowledgements",
  {
    updateId: updateId(),
    organisationId: uuid("organisation_id").notNull(),
    personId: personId(),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.personId] })],
);

/** Who opened it (first time), for the author's "seen by" and the feed's unread mark. */
export const updateSeen = pgTable(
  "update_seen",
  {
    updateId: updateId(),
    organisationId: uuid("organisation_id").notNull(),
    personId: personId(),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.personId] }), index("update_seen_person_idx").on(t.personId)],
);

/** A proposal's answers: one per person, changed by answering again. */
export const updateResponses = pgTable(
  "update_responses",
  {
    updateId: updateId(),
    organisationId: uuid("organisation_id").notNull(),
    personId: personId(),
    stance: text("stance").$type<Stance>().notNull(),
    comment: text("comment"),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.personId] })],
);

/** A thread's decision (at most one stands per thread); `supersedes` any earlier decision, meeting or thread. */
export const updateDecisions = pgTable(
  "update_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    updateId: updateId(),
    organisationId: uuid("organisation_id").notNull(),
    text: text("text").notNull(),
    supersedes: uuid("supersedes"),
    recordedBy: personId("recorded_by"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("update_decisions_update_idx").on(t.updateId),
    index("update_decisions_org_idx").on(t.organisationId, t.createdAt),
  ],
);
