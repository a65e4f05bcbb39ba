CREATE TABLE "demo_sign_ins" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"password" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "clock_format" text;--> statement-breakpoint
ALTER TABLE "demo_sign_ins" ADD CONSTRAINT "demo_sign_ins_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_sign_ins" ADD CONSTRAINT "demo_sign_ins_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;