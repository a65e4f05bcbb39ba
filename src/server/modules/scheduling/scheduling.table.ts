import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";

/** A saved weekly rotation: its times were planned to share out early, late and outside-hours slots. */
export const rotations = pgTable(
  "rotations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name"),
    durationMinutes: integer("duration_minutes").notNull(),
    cadence: text("cadence", { enum: ["weekly"] }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rotations_org_idx").on(t.organisationId, t.createdAt)],
);

/** Who takes part in a rotation (the feed and the list need it, not only those it inconveniences). */
export const rotationAttendees = pgTable(
  "rotation_attendees",
  {
    rotationId: uuid("rotation_id")
      .notNull()
      .references(() => rotations.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.rotationId, t.personId] }),
    index("rotation_attendees_person_idx").on(t.organisationId, t.personId),
  ],
);

export const rotationOccurrences = pgTable(
  "rotation_occurrences",
  {
    rotationId: uuid("rotation_id")
      .notNull()
      .references(() => rotations.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    start: timestamp("start_at", { withTimezone: true }).notNull(),
    end: timestamp("end_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.rotationId, t.start] })],
);

/**
 * Who carried an inconvenient slot: one row per person, slot and kind (early before 09:00, late after
 * 18:00, outside working hours — on the person's own clock). Appended by saved rotations, later meetings.
 */
export const inconvenienceLedger = pgTable(
  "inconvenience_ledger",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    source: text("source", { enum: ["rotation", "meeting"] }).notNull(),
    sourceId: uuid("source_id").notNull(),
    /** The slot's start. */
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    kind: text("kind", { enum: ["early", "late", "outside"] }).notNull(),
    points: integer("points").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("inconvenience_ledger_person_idx").on(t.organisationId, t.personId, t.occurredAt),
    index("inconvenience_ledger_source_idx").on(t.organisationId, t.source, t.sourceId),
  ],
);
