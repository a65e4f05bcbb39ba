import { bigint, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ExportKind, ExportStatus } from "../../../contracts/exports";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";

const at = (column: string) => timestamp(column, { withTimezone: true });

/**
 * A data export (issue 17): a person's data (GDPR art. 15/20), or the whole organisation's, written as a
 * ZIP to storage by the `build-export` job, which reports its progress here. The file goes when the
 * link expires (`expire-exports`); the row stays, "expired", as a record that it was made.
 */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ExportKind>().notNull(),
    /** Whose data (kind "person"); null for the organisation's. */
    personId: uuid("person_id").references(() => people.id, { onDelete: "cascade" }),
    /** Who asked: the person, HR or an admin on their request, or the owner (organisation). */
    requestedBy: uuid("requested_by").references(() => people.id, { onDelete: "set null" }),
    status: text("status").$type<ExportStatus>().notNull().default("queued"),
    progress: integer("progress").notNull().default(0),
    /** The ZIP's storage key, once written. */
    fileKey: text("file_key"),
    bytes: bigint("bytes", { mode: "number" }),
    error: text("error"),
    createdAt: at("created_at").notNull().defaultNow(),
    readyAt: at("ready_at"),
    expiresAt: at("expires_at"),
  },
  (t) => [
    index("data_exports_org_person_idx").on(t.organisationId, t.personId, t.createdAt),
    index("data_exports_status_idx").on(t.status, t.expiresAt),
  ],
);
