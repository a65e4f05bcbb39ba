import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { WeekPattern } from "../../../core/time";
import { organisations } from "../organisations/organisations.table";

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Stored lower-cased: emails compare case-insensitively. */
    email: text("email").notNull(),
    passwordHash: text("password_hash"),
    role: text("role", { enum: ["owner", "admin", "hr", "manager", "member"] }).notNull(),
    timeZone: text("time_zone").notNull(),
    /** 12 or 24 hours on every time shown to this person; null: their browser's habit. */
    clockFormat: text("clock_format", { enum: ["12h", "24h"] }),
    managerId: uuid("manager_id").references((): AnyPgColumn => people.id, { onDelete: "set null" }),
    workingPattern: jsonb("working_pattern").$type<WeekPattern>().notNull().default(sql`'{}'::jsonb`),
    active: boolean("active").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("people_org_email_unique").on(t.organisationId, t.email),
    index("people_email_idx").on(t.email),
  ],
);

export const absences = pgTable(
  "absences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    startAt: timestamp("start_at", { withTimezone: true }).notNull(),
    endAt: timestamp("end_at", { withTimezone: true }).notNull(),
    /** Set when given as the person's local days (end inclusive). */
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    kind: text("kind", { enum: ["vacation", "sick", "personal", "other"] }).notNull(),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("absences_person_idx").on(t.organisationId, t.personId, t.startAt)],
);

export const zoneChanges = pgTable(
  "zone_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    timeZone: text("time_zone").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("zone_changes_person_date_unique").on(t.personId, t.fromDate)],
);
