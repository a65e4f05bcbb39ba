import { eq, or, type SQL, sql } from "drizzle-orm";
import { meetingAttendees, meetings } from "./meetings.table";

/**
 * A meeting seen by this person: its organiser or an attendee — `meetingFor`'s rule as SQL over
 * `meetings`, so the decision log, a thread's links and the links an author may add never name a
 * meeting (a one-to-one) that opening it would refuse; no role sees more.
 */
export function meetingVisibleTo(personId: string): SQL {
  return or(
    eq(meetings.organiserId, personId),
    sql`exists (select 1 from ${meetingAttendees} where ${meetingAttendees.meetingId} = ${meetings.id} and ${meetingAttendees.personId} = ${personId})`,
  ) as SQL;
}
