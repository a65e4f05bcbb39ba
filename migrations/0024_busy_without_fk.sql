-- busy_intervals loses its foreign key to calendars: PostgreSQL checked it once per inserted row,
-- half the time of writing a calendar's busy time. replaceBusy writes the rows only after updating
-- (so locking) their calendar row in the same transaction; the cascade on delete becomes one
-- statement per deleting statement, by the trigger below (it also runs for calendars deleted by
-- the cascade from a person or an organisation).
ALTER TABLE "busy_intervals" DROP CONSTRAINT "busy_intervals_calendar_id_calendars_id_fk";--> statement-breakpoint
CREATE FUNCTION "busy_intervals_of_deleted_calendars"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "busy_intervals" WHERE "calendar_id" IN (SELECT "id" FROM gone);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "calendars_delete_busy_intervals" AFTER DELETE ON "calendars"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
  EXECUTE FUNCTION "busy_intervals_of_deleted_calendars"();
