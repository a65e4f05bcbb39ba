-- Issue 13: full-text search. Each searchable table gets a generated `search_vector`, so the
-- database keeps it current in the same statement (and transaction) as every write. Titles are
-- weight A, stemmed (english) and whole (simple, for title prefix matching: 'roadm:*A'); bodies B.
-- Not in the drizzle schema on purpose: row reads never carry the vectors; modules/search names them.
-- Private notes (meeting_private_notes) are never indexed.
ALTER TABLE "documents" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("body", '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "documents_search_idx" ON "documents" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "updates" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("body", '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "updates_search_idx" ON "updates" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "update_comments" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("body", '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "update_comments_search_idx" ON "update_comments" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "update_decisions" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("text", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("text", '')), 'A')) STORED;--> statement-breakpoint
CREATE INDEX "update_decisions_search_idx" ON "update_decisions" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("purpose", '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("description", '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("notes_body", '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "meetings_search_idx" ON "meetings" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("notes", '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "agenda_items_search_idx" ON "agenda_items" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("text", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce("text", '')), 'A')) STORED;--> statement-breakpoint
CREATE INDEX "meeting_decisions_search_idx" ON "meeting_decisions" USING gin ("search_vector");
