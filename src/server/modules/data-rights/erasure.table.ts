import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ErasureKind, ErasureStatus } from "../../../contracts/erasure";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";

const at = (column: string) => timestamp(column, { withTimezone: true });

/**
 * A requested erasure (GDPR art. 17) of one person's data (`kind` person) or of a whole organisation
 * (`kind` organisation, `person_id` null). It waits `scheduled_for` (30 days of grace, during which it
 * may be cancelled), then the `carry-out-erasures` job carries it out. A person is erased once: at most
 * one scheduled or done erasure per person, and one scheduled organisation erasure per organisation.
 */
export const erasures = pgTable(
  "erasures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ErasureKind>().notNull(),
    /** Whose data (kind person); the row stays, anonymised, after the erasure. */
    personId: uuid("person_id").references(() => people.id, { onDelete: "cascade" }),
    requestedBy: uuid("requested_by").references(() => people.id, { onDelete: "set null" }),
    status: text("status").$type<ErasureStatus>().notNull().default("scheduled"),
    requestedAt: at("requested_at").notNull(),
    scheduledFor: at("scheduled_for").notNull(),
    cancelledBy: uuid("cancelled_by").references(() => people.id, { onDelete: "set null" }),
    cancelledAt: at("cancelled_at"),
    doneAt: at("done_at"),
  },
  (t) => [
    uniqueIndex("erasures_person_once_idx").on(t.personId).where(sql`${t.status} in ('scheduled', 'done')`),
    uniqueIndex("erasures_organisation_once_idx")
      .on(t.organisationId)
      .where(sql`${t.kind} = 'organisation' and ${t.status} = 'scheduled'`),
    index("erasures_due_idx").on(t.scheduledFor).where(sql`${t.status} = 'scheduled'`),
  ],
);
