CREATE TABLE "update_acknowledgements" (
	"update_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "update_acknowledgements_update_id_person_id_pk" PRIMARY KEY("update_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "update_audience" (
	"update_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "update_audience_update_id_person_id_pk" PRIMARY KEY("update_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "update_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"update_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "update_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"update_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"text" text NOT NULL,
	"supersedes" uuid,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "update_links" (
	"update_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "update_links_update_id_position_pk" PRIMARY KEY("update_id","position")
);
--> statement-breakpoint
CREATE TABLE "update_reactions" (
	"update_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"emoji" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "update_reactions_update_id_person_id_emoji_pk" PRIMARY KEY("update_id","person_id","emoji")
);
--> statement-breakpoint
CREATE TABLE "update_responders" (
	"update_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"reply_by" timestamp with time zone,
	"remind_at" timestamp with time zone,
	"late_remind_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"late_reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	CONSTRAINT "update_responders_update_id_person_id_pk" PRIMARY KEY("update_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "update_responses" (
	"update_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"stance" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "update_responses_update_id_person_id_pk" PRIMARY KEY("update_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "update_seen" (
	"update_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "update_seen_update_id_person_id_pk" PRIMARY KEY("update_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "update_versions" (
	"update_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"edited_by" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "update_versions_update_id_version_pk" PRIMARY KEY("update_id","version")
);
--> statement-breakpoint
CREATE TABLE "updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"author_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"audience_organisation" boolean DEFAULT false NOT NULL,
	"audience_team_id" uuid,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"reply_by" timestamp with time zone,
	"decision_due" timestamp with time zone,
	"meeting_id" uuid,
	"stalled_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "action_items" ALTER COLUMN "meeting_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "update_id" uuid;--> statement-breakpoint
ALTER TABLE "update_acknowledgements" ADD CONSTRAINT "update_acknowledgements_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_acknowledgements" ADD CONSTRAINT "update_acknowledgements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_audience" ADD CONSTRAINT "update_audience_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_audience" ADD CONSTRAINT "update_audience_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_comments" ADD CONSTRAINT "update_comments_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_comments" ADD CONSTRAINT "update_comments_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_decisions" ADD CONSTRAINT "update_decisions_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_decisions" ADD CONSTRAINT "update_decisions_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_links" ADD CONSTRAINT "update_links_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_reactions" ADD CONSTRAINT "update_reactions_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_reactions" ADD CONSTRAINT "update_reactions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_responders" ADD CONSTRAINT "update_responders_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_responders" ADD CONSTRAINT "update_responders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_responses" ADD CONSTRAINT "update_responses_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_responses" ADD CONSTRAINT "update_responses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_seen" ADD CONSTRAINT "update_seen_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_seen" ADD CONSTRAINT "update_seen_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_versions" ADD CONSTRAINT "update_versions_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_versions" ADD CONSTRAINT "update_versions_edited_by_people_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "updates" ADD CONSTRAINT "updates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "updates" ADD CONSTRAINT "updates_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "updates" ADD CONSTRAINT "updates_audience_team_id_teams_id_fk" FOREIGN KEY ("audience_team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "update_audience_person_idx" ON "update_audience" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "update_comments_update_idx" ON "update_comments" USING btree ("update_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "update_decisions_update_idx" ON "update_decisions" USING btree ("update_id");--> statement-breakpoint
CREATE INDEX "update_decisions_org_idx" ON "update_decisions" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "update_links_target_idx" ON "update_links" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "update_responders_person_idx" ON "update_responders" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "update_responders_due_idx" ON "update_responders" USING btree ("remind_at") WHERE "update_responders"."answered_at" is null;--> statement-breakpoint
CREATE INDEX "update_seen_person_idx" ON "update_seen" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "updates_org_created_idx" ON "updates" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "updates_team_idx" ON "updates" USING btree ("organisation_id","audience_team_id","created_at");--> statement-breakpoint
CREATE INDEX "updates_meeting_idx" ON "updates" USING btree ("meeting_id");--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_update_idx" ON "action_items" USING btree ("update_id");--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_one_source" CHECK (("action_items"."meeting_id" is null) <> ("action_items"."update_id" is null));--> statement-breakpoint
-- A rule added by this version: agreements published before it hold its default.
UPDATE "agreement_versions" SET "rules" = "rules" || '{"escalateAfterComments": 12}'::jsonb WHERE NOT ("rules" ? 'escalateAfterComments');
