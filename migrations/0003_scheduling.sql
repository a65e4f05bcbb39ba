CREATE TABLE "inconvenience_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"points" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rotation_attendees" (
	"rotation_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "rotation_attendees_rotation_id_person_id_pk" PRIMARY KEY("rotation_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "rotation_occurrences" (
	"rotation_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rotation_occurrences_rotation_id_start_at_pk" PRIMARY KEY("rotation_id","start_at")
);
--> statement-breakpoint
CREATE TABLE "rotations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text,
	"duration_minutes" integer NOT NULL,
	"cadence" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inconvenience_ledger" ADD CONSTRAINT "inconvenience_ledger_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inconvenience_ledger" ADD CONSTRAINT "inconvenience_ledger_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_attendees" ADD CONSTRAINT "rotation_attendees_rotation_id_rotations_id_fk" FOREIGN KEY ("rotation_id") REFERENCES "public"."rotations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_attendees" ADD CONSTRAINT "rotation_attendees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_occurrences" ADD CONSTRAINT "rotation_occurrences_rotation_id_rotations_id_fk" FOREIGN KEY ("rotation_id") REFERENCES "public"."rotations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotations" ADD CONSTRAINT "rotations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotations" ADD CONSTRAINT "rotations_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inconvenience_ledger_person_idx" ON "inconvenience_ledger" USING btree ("organisation_id","person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "inconvenience_ledger_source_idx" ON "inconvenience_ledger" USING btree ("organisation_id","source","source_id");--> statement-breakpoint
CREATE INDEX "rotation_attendees_person_idx" ON "rotation_attendees" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "rotations_org_idx" ON "rotations" USING btree ("organisation_id","created_at");