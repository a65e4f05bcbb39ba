import type { MeetingKind } from "../../contracts/agreement";
import {
  type InstanceInput,
  instanceEvent,
  type SeriesEventsInput,
  seriesEvents,
  seriesSpan,
  zoneComponents,
} from "./series";
import { type JComp, type JProp, plainText, utcDateTime, writeIcs } from "./write";

export type InviteMethod = "REQUEST" | "CANCEL";
export type Rsvp = "pending" | "yes" | "no" | "follow_async";

export interface InvitePerson {
  name: string;
  email: string;
}

export interface InviteInput {
  method: InviteMethod;
  /** The meeting's id: the UID is `<id>@tandem`, the same in every invitation and in the feeds. */
  meetingId: string;
  /** iTIP SEQUENCE: raised by the meetings service on every change sent to calendars. */
  sequence: number;
  /** DTSTAMP: when this invitation was made. */
  now: number;
  start: number;
  end: number;
  title: string;
  kind: MeetingKind;
  purpose: string | null;
  location: string | null;
  /** Agenda item titles, in order. */
  agenda: string[];
  /** The meeting's page in Tandem. */
  url: string;
  organiser: InvitePerson;
  attendees: (InvitePerson & { required: boolean; rsvp: Rsvp })[];
}

/** Kinds whose invitations say nothing beyond title and time: the outbox is readable by admins. */
const TITLE_AND_TIME_ONLY: readonly MeetingKind[] = ["one_to_one", "performance_review"];

const PARTSTAT: Record<Rsvp, string> = {
  pending: "NEEDS-ACTION",
  yes: "ACCEPTED",
  no: "DECLINED",
  follow_async: "DECLINED",
};

/** The DESCRIPTION: purpose and agenda titles (not for private kinds), then the meeting's page. */
export function inviteDescription(input: Pick<InviteInput, "kind" | "purpose" | "agenda" | "url">): string {
  const parts: string[] = [];
  if (!TITLE_AND_TIME_ONLY.includes(input.kind)) {
    if (input.purpose) parts.push(input.purpose);
    if (input.agenda.length > 0) parts.push(["Agenda:", ...input.agenda.map((t) => `- ${t}`)].join("\n"));
  }
  parts.push(`Open in Tandem: ${input.url}`);
  return parts.join("\n\n");
}

/** `CN` parameter values: a quoted parameter may hold no `"` nor control characters (RFC 5545 §3.2). */
const commonName = (name: string) => plainText(name).replace(/[\n\t"]/g, " ");

const mailto = (email: string) => `mailto:${email}`;

/** What an invitation says of a meeting besides its UID, SEQUENCE and time. */
export type InviteContent = Pick<
  InviteInput,
  "method" | "kind" | "purpose" | "location" | "agenda" | "url" | "organiser" | "attendees"
>;

/** DESCRIPTION, LOCATION, URL, ORGANIZER, ATTENDEEs, STATUS and TRANSP of a meeting's VEVENT. */
export function inviteProps(input: InviteContent): JProp[] {
  return [
    ["description", {}, "text", plainText(inviteDescription(input))],
    ...(input.location ? [["location", {}, "text", plainText(input.location)] as JProp] : []),
    ["url", {}, "uri", input.url],
    ["organizer", { cn: commonName(input.organiser.name) }, "cal-address", mailto(input.organiser.email)],
    ...input.attendees.map(
      (a): JProp => [
        "attendee",
        {
          cn: commonName(a.name),
          role: a.required ? "REQ-PARTICIPANT" : "OPT-PARTICIPANT",
          partstat: PARTSTAT[a.rsvp],
          rsvp: "TRUE",
        },
        "cal-address",
        mailto(a.email),
      ],
    ),
    ["status", {}, "text", input.method === "CANCEL" ? "CANCELLED" : "CONFIRMED"],
    ["transp", {}, "text", "OPAQUE"],
  ];
}

/** The iTIP VCALENDAR around the components. */
function itip(method: InviteMethod, components: JComp[]): string {
  return writeIcs([
    "vcalendar",
    [
      ["prodid", {}, "text", "-//Tandem//Meetings//EN"],
      ["version", {}, "text", "2.0"],
      ["calscale", {}, "text", "GREGORIAN"],
      ["method", {}, "text", method],
    ],
    components,
  ]);
}

/**
 * An iTIP invitation (RFC 5546) for one meeting: METHOD:REQUEST for a new or changed meeting,
 * METHOD:CANCEL (STATUS:CANCELLED) when it is called off. Times are UTC; every text is escaped
 * and lines are folded at 75 octets as in the feeds.
 */
export function meetingInvite(input: InviteInput): string {
  const props: JProp[] = [
    ["uid", {}, "text", `${input.meetingId}@tandem`],
    ["sequence", {}, "integer", input.sequence],
    ["dtstamp", {}, "date-time", utcDateTime(input.now)],
    ["dtstart", {}, "date-time", utcDateTime(input.start)],
    ["dtend", {}, "date-time", utcDateTime(input.end)],
    ["summary", {}, "text", plainText(input.title)],
    ...inviteProps(input),
  ];
  return itip(input.method, [["vevent", props, []]]);
}

/**
 * A whole series in one invitation: the series' VTIMEZONE, its master VEVENT (RRULE, EXDATEs) and
 * its overrides, all with UID `uid` (see {@link seriesEvents}).
 */
export function seriesInvite(method: InviteMethod, input: SeriesEventsInput): string {
  return itip(method, [
    ...zoneComponents([seriesSpan(input.rule, input.occurrences)]),
    ...seriesEvents(input),
  ]);
}

/**
 * One occurrence of a series: a VEVENT with the series' UID and the occurrence's RECURRENCE-ID (its
 * original start), so a REQUEST moves and a CANCEL removes that instance only.
 */
export function occurrenceInvite(method: InviteMethod, input: InstanceInput): string {
  const { rule, occurrence } = input;
  const span = {
    timeZone: rule.timeZone,
    from: Math.min(input.original, occurrence.start),
    to: occurrence.end,
  };
  return itip(method, [...zoneComponents([span]), instanceEvent(input)]);
}
