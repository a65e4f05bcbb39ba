CREATE TABLE "checkin_answers" (
	"occurrence_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"text" text,
	"value" integer,
	"unblocker_id" uuid,
	"answered_at" timestamp with time zone NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	CONSTRAINT "checkin_answers_occurrence_id_question_id_pk" PRIMARY KEY("occurrence_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "checkin_blockers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"checkin_id" uuid NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"assignee_id" uuid,
	"text" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "checkin_digests" (
	"checkin_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"update_id" uuid,
	"posted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checkin_digests_checkin_id_local_date_pk" PRIMARY KEY("checkin_id","local_date")
);
--> statement-breakpoint
CREATE TABLE "checkin_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"checkin_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"late_after" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"remind_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"questions" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkin_participants" (
	"checkin_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "checkin_participants_checkin_id_person_id_pk" PRIMARY KEY("checkin_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "checkin_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"checkin_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"prompt" text NOT NULL,
	"options" jsonb,
	"unblocker_prompt" text,
	"rotating_prompts" jsonb
);
--> statement-breakpoint
CREATE TABLE "checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"team_id" uuid,
	"owner_id" uuid NOT NULL,
	"days" jsonb NOT NULL,
	"local_time" text NOT NULL,
	"window_hours" integer NOT NULL,
	"reminder" boolean NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"template_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"min_group_size" integer NOT NULL,
	"min_text_group_size" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkin_answers" ADD CONSTRAINT "checkin_answers_occurrence_id_checkin_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."checkin_occurrences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_answers" ADD CONSTRAINT "checkin_answers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_answers" ADD CONSTRAINT "checkin_answers_unblocker_id_people_id_fk" FOREIGN KEY ("unblocker_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_blockers" ADD CONSTRAINT "checkin_blockers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_blockers" ADD CONSTRAINT "checkin_blockers_checkin_id_checkins_id_fk" FOREIGN KEY ("checkin_id") REFERENCES "public"."checkins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_blockers" ADD CONSTRAINT "checkin_blockers_occurrence_id_checkin_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."checkin_occurrences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_blockers" ADD CONSTRAINT "checkin_blockers_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_blockers" ADD CONSTRAINT "checkin_blockers_assignee_id_people_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_blockers" ADD CONSTRAINT "checkin_blockers_resolved_by_people_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_digests" ADD CONSTRAINT "checkin_digests_checkin_id_checkins_id_fk" FOREIGN KEY ("checkin_id") REFERENCES "public"."checkins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_digests" ADD CONSTRAINT "checkin_digests_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_occurrences" ADD CONSTRAINT "checkin_occurrences_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_occurrences" ADD CONSTRAINT "checkin_occurrences_checkin_id_checkins_id_fk" FOREIGN KEY ("checkin_id") REFERENCES "public"."checkins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_occurrences" ADD CONSTRAINT "checkin_occurrences_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_participants" ADD CONSTRAINT "checkin_participants_checkin_id_checkins_id_fk" FOREIGN KEY ("checkin_id") REFERENCES "public"."checkins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_participants" ADD CONSTRAINT "checkin_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_questions" ADD CONSTRAINT "checkin_questions_checkin_id_checkins_id_fk" FOREIGN KEY ("checkin_id") REFERENCES "public"."checkins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_settings" ADD CONSTRAINT "privacy_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_blockers_answer_idx" ON "checkin_blockers" USING btree ("occurrence_id","question_id");--> statement-breakpoint
CREATE INDEX "checkin_blockers_assignee_idx" ON "checkin_blockers" USING btree ("organisation_id","assignee_id","status");--> statement-breakpoint
CREATE INDEX "checkin_blockers_checkin_idx" ON "checkin_blockers" USING btree ("checkin_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_occurrences_once_idx" ON "checkin_occurrences" USING btree ("checkin_id","person_id","local_date");--> statement-breakpoint
CREATE INDEX "checkin_occurrences_person_idx" ON "checkin_occurrences" USING btree ("organisation_id","person_id","closes_at");--> statement-breakpoint
CREATE INDEX "checkin_occurrences_remind_idx" ON "checkin_occurrences" USING btree ("remind_at") WHERE "checkin_occurrences"."reminded_at" is null and "checkin_occurrences"."answered_at" is null;--> statement-breakpoint
CREATE INDEX "checkin_occurrences_date_idx" ON "checkin_occurrences" USING btree ("checkin_id","local_date");--> statement-breakpoint
CREATE INDEX "checkin_participants_person_idx" ON "checkin_participants" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "checkin_questions_checkin_idx" ON "checkin_questions" USING btree ("checkin_id","position");--> statement-breakpoint
CREATE INDEX "checkins_org_idx" ON "checkins" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "checkins_team_idx" ON "checkins" USING btree ("team_id");