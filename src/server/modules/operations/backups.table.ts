import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Backups of this instance (`tandem backup`), for the operations page's "last backup". An instance
 * fact, not an organisation's: it carries no organisation and no person.
 */
export const backups = pgTable(
  "backups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** When the backup's database was dumped (for a restored backup: when it was taken). */
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull(),
    bytes: bigint("bytes", { mode: "number" }).notNull(),
    databaseKind: text("database_kind", { enum: ["pglite", "postgres"] }).notNull(),
    /** cli: the command opened the database itself · server: a running `tandem serve` made it · restore: the restored file's own. */
    via: text("via", { enum: ["cli", "server", "restore"] }).notNull(),
    tandemVersion: text("tandem_version").notNull(),
  },
  (t) => [index("backups_taken_idx").on(t.takenAt)],
);
