CREATE TABLE "backups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"bytes" bigint NOT NULL,
	"database_kind" text NOT NULL,
	"via" text NOT NULL,
	"tandem_version" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "backups_taken_idx" ON "backups" USING btree ("taken_at");