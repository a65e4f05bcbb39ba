import {
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
import type { Rules, TeamRules } from "../../../contracts/agreement";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";
import { teams } from "../teams/teams.table";

export interface Section {
  title: string;
  body: string;
}

/** Every published version of an organisation's agreement; the highest is current. */
export const agreementVersions = pgTable(
  "agreement_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    rules: jsonb("rules").$type<Rules>().notNull(),
    sections: jsonb("sections").$type<Section[]>().notNull(),
    changeSummary: text("change_summary").notNull(),
    publishedBy: uuid("published_by").references(() => people.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("agreement_versions_org_version_unique").on(t.organisationId, t.version)],
);

/** A team's overrides (only ever tighter than the organisation's), versioned on their own. */
export const teamAgreementVersions = pgTable(
  "team_agreement_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    teamVersion: integer("team_version").notNull(),
    rules: jsonb("rules").$type<TeamRules>().notNull(),
    changeSummary: text("change_summary").notNull(),
    publishedBy: uuid("published_by").references(() => people.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("team_agreement_versions_team_version_unique").on(t.teamId, t.teamVersion)],
);

/** A person's acknowledgement of an org version and of the versions of their teams' overrides then. */
export const agreementAcknowledgements = pgTable(
  "agreement_acknowledgements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    teamVersions: jsonb("team_versions").$type<Record<string, number>>().notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreement_acks_org_person_idx").on(t.organisationId, t.personId, t.version)],
);

/** Who was reminded (by email) to acknowledge which version, so the daily sweep reminds once. */
export const agreementReminders = pgTable(
  "agreement_reminders",
  {
    organisationId: uuid("organisation_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.version] })],
);
