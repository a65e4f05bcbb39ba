import type { MeetingKind } from "../../contracts/agreement";
import type { Interval } from "../time";

/** One attendee as the agreement gates see them; every list is UTC time, in any order. */
export interface GateAttendee {
  personId: string;
  name: string;
  required: boolean;
  timeZone: string;
  /** Their working intervals around the meeting (±8 days), from core/time. */
  working: Interval[];
  /** Their own focus blocks in that span. */
  focus: Interval[];
  /** Their other load in that span: Tandem meetings not declined + imported busy (not this meeting). */
  busy: Interval[];
}

export interface GateMeeting {
  kind: MeetingKind;
  start: number;
  end: number;
  attendeeCount: number;
}
