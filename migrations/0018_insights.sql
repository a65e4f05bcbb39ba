CREATE TABLE "insight_weeks" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"meeting_hours" real NOT NULL,
	"focus_hours" real NOT NULL,
	"fragmented_hours" real NOT NULL,
	"fragment_count" integer NOT NULL,
	"after_hours_meeting_hours" real NOT NULL,
	"burden_points" real NOT NULL,
	"reply_latency_hours" real,
	"checkins_due" integer NOT NULL,
	"checkins_answered" integer NOT NULL,
	"pulse" real,
	"focus_short_days" integer NOT NULL,
	"working_days" integer NOT NULL,
	"shared_team_meetings" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "insight_weeks_person_id_week_start_pk" PRIMARY KEY("person_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "insight_weeks" ADD CONSTRAINT "insight_weeks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_weeks" ADD CONSTRAINT "insight_weeks_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insight_weeks_org_week_idx" ON "insight_weeks" USING btree ("organisation_id","week_start");