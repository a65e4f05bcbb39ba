import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { EventAudience } from "../../../contracts/events";

/**
 * Live events, written in the transaction of the change they announce (outbox) and fanned out
 * after it commits. Kept a few minutes so a reconnecting stream can resume (`Last-Event-ID`).
 * No foreign key: platform knows no domain, and rows are pruned long before an organisation goes.
 */
export const liveEvents = pgTable(
  "live_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organisationId: uuid("organisation_id").notNull(),
    type: text("type").notNull(),
    objectId: text("object_id").notNull(),
    /** `{ roles?, personIds? }`: who within the organisation receives it. */
    audience: jsonb("audience").$type<Omit<EventAudience, "organisationId">>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("live_events_org_idx").on(t.organisationId, t.id), index("live_events_at_idx").on(t.at)],
);
