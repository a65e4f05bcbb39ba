import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AskedQuestion, BlockerStatus, QuestionType, TemplateId } from "../../../contracts/checkins";
import type { Weekday } from "../../../contracts/week";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";
import { teams } from "../teams/teams.table";
import { updates } from "../updates/updates.table";

const at = (column: string) => timestamp(column, { withTimezone: true });
const orgId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });
const personId = (column = "person_id") =>
  uuid(column)
    .notNull()
    .references(() => people.id, { onDelete: "cascade" });
const checkinId = () =>
  uuid("checkin_id")
    .notNull()
    .references(() => checkins.id, { onDelete: "cascade" });

/**
 * A check-in ritual. Its participants are its team's members and the named people
 * (`checkin_participants`), read when each occurrence is delivered. Delivered on `days` at `local_time`
 * ("HH:MM" or "start_of_day") in each participant's own zone that day.
 */
export const checkins = pgTable(
  "checkins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    name: text("name").notNull(),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    /** Who created it: runs it with the team's leads. */
    ownerId: personId("owner_id"),
    days: jsonb("days").$type<Weekday[]>().notNull(),
    localTime: text("local_time").notNull(),
    windowHours: integer("window_hours").notNull(),
    reminder: boolean("reminder").notNull(),
    paused: boolean("paused").notNull().default(false),
    templateId: text("template_id").$type<TemplateId>(),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("checkins_org_idx").on(t.organisationId), index("checkins_team_idx").on(t.teamId)],
);

/** People named as participants besides the ritual's team. */
export const checkinParticipants = pgTable(
  "checkin_participants",
  { checkinId: checkinId(), organisationId: uuid("organisation_id").notNull(), personId: personId() },
  (t) => [
    primaryKey({ columns: [t.checkinId, t.personId] }),
    index("checkin_participants_person_idx").on(t.personId),
  ],
);

/** A ritual's questions, asked in increasing `position` (the order key). */
export const checkinQuestions = pgTable(
  "checkin_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    checkinId: checkinId(),
    organisationId: uuid("organisation_id").notNull(),
    position: integer("position").notNull(),
    type: text("type").$type<QuestionType>().notNull(),
    prompt: text("prompt").notNull(),
    options: jsonb("options").$type<string[]>(),
    unblockerPrompt: text("unblocker_prompt"),
    rotatingPrompts: jsonb("rotating_prompts").$type<string[]>(),
  },
  (t) => [index("checkin_questions_checkin_idx").on(t.checkinId, t.position)],
);

/**
 * One person's occurrence of a ritual on one of their local dates. The unique key (ritual, person,
 * local date) is what makes delivery idempotent: a restart or a second instance inserts nothing more.
 * `questions` is what was asked (a later edit of the ritual does not change an occurrence).
 */
export const checkinOccurrences = pgTable(
  "checkin_occurrences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    checkinId: checkinId(),
    personId: personId(),
    localDate: date("local_date", { mode: "string" }).notNull(),
    deliveredAt: at("delivered_at").notNull(),
    /** Answers after this (half the window, moved into the person's working time) are marked late. */
    lateAfter: at("late_after").notNull(),
    /** The window closes: no answer after this. */
    closesAt: at("closes_at").notNull(),
    /** When the one reminder is due (`late_after`, when the ritual reminds); null: no reminder. */
    remindAt: at("remind_at"),
    remindedAt: at("reminded_at"),
    answeredAt: at("answered_at"),
    questions: jsonb("questions").$type<AskedQuestion[]>().notNull(),
  },
  (t) => [
    uniqueIndex("checkin_occurrences_once_idx").on(t.checkinId, t.personId, t.localDate),
    index("checkin_occurrences_person_idx").on(t.organisationId, t.personId, t.closesAt),
    index("checkin_occurrences_remind_idx")
      .on(t.remindAt)
      .where(sql`${t.remindedAt} is null and ${t.answeredAt} is null`),
    index("checkin_occurrences_date_idx").on(t.checkinId, t.localDate),
  ],
);

/**
 * An answer to one question of one occurrence (answering again replaces it while the window is open).
 * Pulse answers are read individually by their author only: no route presents another person's.
 */
export const checkinAnswers = pgTable(
  "checkin_answers",
  {
    occurrenceId: uuid("occurrence_id")
      .notNull()
      .references(() => checkinOccurrences.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    questionId: uuid("question_id").notNull(),
    personId: personId(),
    text: text("text"),
    /** Scale and pulse 1 … 5; yes/no 1 (yes) or 0 (no). */
    value: integer("value"),
    unblockerId: uuid("unblocker_id").references(() => people.id, { onDelete: "set null" }),
    answeredAt: at("answered_at").notNull(),
    /** Answered after the occurrence's `late_after`. */
    late: boolean("late").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.occurrenceId, t.questionId] })],
);

/** A blocker raised in an answer, routed to the person who can unblock, open until resolved. */
export const checkinBlockers = pgTable(
  "checkin_blockers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    checkinId: checkinId(),
    occurrenceId: uuid("occurrence_id")
      .notNull()
      .references(() => checkinOccurrences.id, { onDelete: "cascade" }),
    questionId: uuid("question_id").notNull(),
    authorId: personId("author_id"),
    assigneeId: uuid("assignee_id").references(() => people.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    urgent: boolean("urgent").notNull().default(false),
    status: text("status").$type<BlockerStatus>().notNull().default("open"),
    createdAt: at("created_at").notNull(),
    resolvedAt: at("resolved_at"),
    resolvedBy: uuid("resolved_by").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("checkin_blockers_answer_idx").on(t.occurrenceId, t.questionId),
    index("checkin_blockers_assignee_idx").on(t.organisationId, t.assigneeId, t.status),
    index("checkin_blockers_checkin_idx").on(t.checkinId, t.status),
  ],
);

/** A ritual's digest for one local date: posted once (the key), as an update of kind checkin_digest. */
export const checkinDigests = pgTable(
  "checkin_digests",
  {
    checkinId: checkinId(),
    organisationId: uuid("organisation_id").notNull(),
    localDate: date("local_date", { mode: "string" }).notNull(),
    updateId: uuid("update_id").references(() => updates.id, { onDelete: "set null" }),
    postedAt: at("posted_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkinId, t.localDate] })],
);

/**
 * The organisation's minimum group sizes for aggregates (no row: 5 and 10). They can be raised,
 * never set below 5 and 10, and once raised never lowered.
 */
export const privacySettings = pgTable("privacy_settings", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  minGroupSize: integer("min_group_size").notNull(),
  minTextGroupSize: integer("min_text_group_size").notNull(),
  updatedAt: at("updated_at").notNull(),
});
