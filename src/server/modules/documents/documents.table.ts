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
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";
import { teams } from "../teams/teams.table";

const at = (column: string) => timestamp(column, { withTimezone: true });
const personId = (column: string) =>
  uuid(column)
    .notNull()
    .references(() => people.id, { onDelete: "cascade" });
const documentId = () =>
  uuid("document_id")
    .notNull()
    .references(() => documents.id, { onDelete: "cascade" });

/**
 * A shared document (issue 13). `title`/`body`/`version` are the latest version's, also kept in
 * `document_versions` (every save appends one, version 1 included). Its audience is the
 * organisation, a team and/or named people (`document_audience`), as an update's. Its
 * `search_vector` is added by migration 0015_search, outside this schema (see modules/search).
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    ownerId: personId("owner_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    version: integer("version").notNull().default(1),
    audienceOrganisation: boolean("audience_organisation").notNull().default(false),
    audienceTeamId: uuid("audience_team_id").references(() => teams.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    updatedBy: personId("updated_by"),
  },
  (t) => [
    index("documents_org_updated_idx").on(t.organisationId, t.updatedAt),
    index("documents_team_idx").on(t.organisationId, t.audienceTeamId),
    index("documents_tags_idx").using("gin", t.tags),
    index("documents_title_idx").on(t.organisationId, sql`lower(${t.title})`),
  ],
);

/** Named people a document is shared with (besides its team or organisation). */
export const documentAudience = pgTable(
  "document_audience",
  {
    documentId: documentId(),
    organisationId: uuid("organisation_id").notNull(),
    personId: personId("person_id"),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.personId] }),
    index("document_audience_person_idx").on(t.personId),
  ],
);

/** Every version of every document, the latest included; appended, never changed. */
export const documentVersions = pgTable(
  "document_versions",
  {
    documentId: documentId(),
    organisationId: uuid("organisation_id").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    summary: text("summary"),
    authorId: personId("author_id"),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("document_versions_idx").on(t.documentId, t.version)],
);

/** A person's autosaved draft of a document, until they save it as a version (one per person). */
export const documentDrafts = pgTable(
  "document_drafts",
  {
    documentId: documentId(),
    organisationId: uuid("organisation_id").notNull(),
    personId: personId("person_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    baseVersion: integer("base_version").notNull(),
    savedAt: at("saved_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.personId] })],
);
