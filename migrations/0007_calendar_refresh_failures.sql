ALTER TABLE "calendars" ADD COLUMN "failed_refreshes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "calendars" ADD COLUMN "broken_at" timestamp with time zone;