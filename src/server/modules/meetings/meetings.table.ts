import { sql } from "drizzle-orm";
import {
  boolean,
  check,
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
import type { MeetingKind } from "../../../contracts/agreement";
import { documents } from "../documents/documents.table";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";
import { teams } from "../teams/teams.table";
import { updates } from "../updates/updates.table";

const orgId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** A recurring meeting: its occurrences are `meetings` rows with `series_id`, made when it is created. */
export const meetingSeries = pgTable("meeting_series", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: orgId(),
  frequency: text("frequency", { enum: ["weekly", "biweekly", "monthly"] }).notNull(),
  count: integer("count"),
  until: date("until"),
  /** The organiser's zone when it was made: occurrences keep its wall-clock time across DST. */
  timeZone: text("time_zone").notNull(),
  /** The first occurrence's start as made (DTSTART of the series' RRULE); each occurrence's original
   * start follows from it, so a moved occurrence is still named by its RECURRENCE-ID. */
  firstStartAt: timestamp("first_start_at", { withTimezone: true }).notNull(),
  durationMinutes: integer("duration_minutes").notNull(),
  createdBy: uuid("created_by")
    .notNull()
    .references(() => people.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
});

/** One meeting (one occurrence of a series). Cancelled meetings are kept, marked `cancelled`. */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    seriesId: uuid("series_id").references(() => meetingSeries.id, { onDelete: "cascade" }),
    /** Position in the series, from 1. */
    seriesIndex: integer("series_index"),
    title: text("title").notNull(),
    kind: text("kind").$type<MeetingKind>().notNull(),
    purpose: text("purpose"),
    description: text("description"),
    location: text("location"),
    preReads: jsonb("pre_reads").$type<{ title: string | null; url: string }[]>().notNull().default([]),
    organiserId: uuid("organiser_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    startAt: timestamp("start_at", { withTimezone: true }).notNull(),
    endAt: timestamp("end_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    status: text("status", { enum: ["scheduled", "completed", "cancelled"] })
      .notNull()
      .default("scheduled"),
    /** iTIP SEQUENCE: raised on every change sent to calendars. */
    sequence: integer("sequence").notNull().default(0),
    notesBody: text("notes_body").notNull().default(""),
    notesVersion: integer("notes_version").notNull().default(0),
    /** The recap as sent (markdown), set on completion. */
    recap: text("recap"),
    /** When attendees were told the agenda is empty past the agreement's deadline (once). */
    agendaFlaggedAt: timestamp("agenda_flagged_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("meetings_org_start_idx").on(t.organisationId, t.startAt),
    index("meetings_series_idx").on(t.seriesId, t.seriesIndex),
    index("meetings_agenda_due_idx")
      .on(t.startAt)
      .where(sql`${t.status} = 'scheduled' and ${t.agendaFlaggedAt} is null`),
  ],
);

export const meetingAttendees = pgTable(
  "meeting_attendees",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    required: boolean("required").notNull().default(true),
    rsvp: text("rsvp", { enum: ["pending", "yes", "no", "follow_async"] })
      .notNull()
      .default("pending"),
    rsvpAt: timestamp("rsvp_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.personId] }),
    index("meeting_attendees_person_idx").on(t.organisationId, t.personId),
  ],
);

/** A blocking rule overridden with a reason: stored, shown on the meeting and audited. */
export const meetingOverrides = pgTable(
  "meeting_overrides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    reason: text("reason").notNull(),
    ruleIds: text("rule_ids").array().notNull(),
    by: uuid("by_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("meeting_overrides_meeting_idx").on(t.meetingId)],
);

/** Agenda rows, ordered by `position` (rewritten on reorder), never a JSON blob. */
export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    ownerId: uuid("owner_id").references(() => people.id, { onDelete: "set null" }),
    minutes: integer("minutes"),
    outcome: text("outcome", { enum: ["inform", "discuss", "decide"] }).notNull(),
    notes: text("notes").notNull().default(""),
    status: text("status", { enum: ["open", "covered"] })
      .notNull()
      .default("open"),
    /** The item of an earlier occurrence it was carried from. */
    carriedFrom: uuid("carried_from"),
    createdAt: createdAt(),
  },
  (t) => [index("agenda_items_meeting_idx").on(t.meetingId, t.position)],
);

/** Each person's own notes on a meeting: readable by nobody else (`privateNote.read`). */
export const meetingPrivateNotes = pgTable(
  "meeting_private_notes",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    body: text("body").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

export const meetingDecisions = pgTable(
  "meeting_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    text: text("text").notNull(),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    supersedes: uuid("supersedes"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("meeting_decisions_meeting_idx").on(t.meetingId, t.createdAt)],
);

/** Shared documents a meeting has as pre-reads (issue 13), in the organiser's order. */
export const meetingDocuments = pgTable(
  "meeting_documents",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.documentId] }),
    index("meeting_documents_document_idx").on(t.documentId),
  ],
);

export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Where it was agreed: a meeting or a thread (exactly one of the two). */
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "cascade" }),
    updateId: uuid("update_id").references(() => updates.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    text: text("text").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    due: date("due"),
    status: text("status", { enum: ["open", "done"] })
      .notNull()
      .default("open"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** The earlier occurrence (a meeting id) this open item was moved from by carry-forward. */
    carriedFrom: uuid("carried_from"),
    createdAt: createdAt(),
    doneAt: timestamp("done_at", { withTimezone: true }),
  },
  (t) => [
    index("action_items_meeting_idx").on(t.meetingId),
    index("action_items_update_idx").on(t.updateId),
    check("action_items_one_source", sql`(${t.meetingId} is null) <> (${t.updateId} is null)`),
    index("action_items_owner_idx").on(t.organisationId, t.ownerId, t.status),
  ],
);

/** One answer per attendee; shown only as aggregates from 3 answers, never who answered what. */
export const meetingRatings = pgTable(
  "meeting_ratings",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    worthIt: integer("worth_it").notNull(),
    couldBeAsync: boolean("could_be_async").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/** Agenda templates an organisation saves (the built-in ones live in code). */
export const meetingTemplates = pgTable(
  "meeting_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    name: text("name").notNull(),
    kind: text("kind").$type<MeetingKind>(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("meeting_templates_name_idx").on(t.organisationId, sql`lower(${t.name})`)],
);

export const meetingTemplateItems = pgTable(
  "meeting_template_items",
  {
    templateId: uuid("template_id")
      .notNull()
      .references(() => meetingTemplates.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    minutes: integer("minutes"),
    outcome: text("outcome", { enum: ["inform", "discuss", "decide"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.position] })],
);
