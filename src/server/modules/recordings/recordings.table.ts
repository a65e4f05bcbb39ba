import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { RecordingStatus } from "../../../contracts/recordings";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";

const at = (column: string) => timestamp(column, { withTimezone: true });

/**
 * A recorded (or uploaded) video. Its file lives in storage under `recordings/<org>/<id>/` (chunks while
 * uploading, then `video` and `poster`); an update of kind video points at it (`updates.recording_id`),
 * and from then on it is seen by whoever sees that update. Status "deleting" (the update was deleted)
 * waits for the job that removes its files.
 */
export const recordings = pgTable(
  "recordings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    title: text("title"),
    /** What the recorder said it sends ("video/webm;codecs=vp9,opus"). */
    declaredType: text("declared_type").notNull(),
    /** What the first bytes are (`core/media/sniff.ts`); served as Content-Type. Null until chunk 0 arrives. */
    mimeType: text("mime_type"),
    status: text("status").$type<RecordingStatus | "deleting">().notNull().default("uploading"),
    bytes: bigint("bytes", { mode: "number" }).notNull().default(0),
    durationMs: integer("duration_ms"),
    /** The poster frame's type when one was sent (its file is `poster`). */
    posterType: text("poster_type"),
    createdAt: at("created_at").notNull().defaultNow(),
    readyAt: at("ready_at"),
    expiredAt: at("expired_at"),
  },
  (t) => [
    index("recordings_org_status_idx").on(t.organisationId, t.status, t.createdAt),
    index("recordings_owner_idx").on(t.ownerId),
  ],
);

/** Chunks received while uploading (any order; sending one again replaces it). */
export const recordingChunks = pgTable(
  "recording_chunks",
  {
    recordingId: uuid("recording_id")
      .notNull()
      .references(() => recordings.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    index: integer("index").notNull(),
    bytes: integer("bytes").notNull(),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recordingId, t.index] })],
);

/** An organisation's recording settings (no row: files are kept until their update is deleted). */
export const recordingSettings = pgTable("recording_settings", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  retentionDays: integer("retention_days"),
  updatedAt: at("updated_at").notNull().defaultNow(),
});
