import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ImportReport } from "../../../contracts/onboarding";
import { organisations } from "../organisations/organisations.table";

/**
 * A people import run as a job (large files): its progress, and the report so far. Each chunk
 * of rows commits together with `processed` and `report`, so a retried job resumes where the
 * last commit left off. The file is kept only until the import ends.
 */
export const peopleImports = pgTable(
  "people_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").notNull(),
    /** queued → running → done | failed */
    status: text("status", { enum: ["queued", "running", "done", "failed"] })
      .notNull()
      .default("queued"),
    total: integer("total").notNull(),
    processed: integer("processed").notNull().default(0),
    csv: text("csv"),
    report: jsonb("report").$type<ImportReport>().notNull(),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("people_imports_org_idx").on(t.organisationId, t.createdAt)],
);
