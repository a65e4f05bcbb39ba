import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type InviteInput, meetingInvite } from "./index";

const START = Date.parse("2026-03-10T09:00:00Z");
const MEETING: InviteInput = {
  method: "REQUEST",
  meetingId: "0b6f1c1e-5d1a-4c59-9d0f-2f1f5b0c9a11",
  sequence: 0,
  now: Date.parse("2026-03-01T12:00:00.250Z"),
  start: START,
  end: START + 45 * 60_000,
  title: "Planning",
  kind: "planning",
  purpose: "Agree the quarter's plan",
  location: "Room 4",
  agenda: ["Roadmap", "Hiring"],
  url: "http://tandem.test/meetings/0b6f1c1e-5d1a-4c59-9d0f-2f1f5b0c9a11",
  organiser: { name: "Olu Organiser", email: "olu@example.test" },
  attendees: [
    { name: "Ana", email: "ana@example.test", required: true, rsvp: "yes" },
    { name: "Ben", email: "ben@example.test", required: false, rsvp: "pending" },
  ],
};

/** The one VEVENT as another calendar app reads it, with the calendar's METHOD. */
function read(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue("method"),
    prodid: calendar.getFirstPropertyValue("prodid"),
    version: calendar.getFirstPropertyValue("version"),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toUnixTime() * 1000,
    end: event.endDate.toUnixTime() * 1000,
    summary: event.summary,
    description: event.description,
    location: event.location,
    status: vevent.getFirstPropertyValue("status"),
    organizer: vevent.getFirstProperty("organizer"),
    attendees: vevent.getAllProperties("attendee").map((p) => ({
      value: p.getFirstValue(),
      cn: p.getParameter("cn"),
      role: p.getParameter("role"),
      partstat: p.getParameter("partstat"),
      rsvp: p.getParameter("rsvp"),
    })),
  };
}

describe("meetingInvite", () => {
  it("REQUEST then CANCEL: the same UID, a rising SEQUENCE, every property a calendar needs", () => {
    const request = read(meetingInvite(MEETING));
    expect(request).toMatchObject({
      method: "REQUEST",
      prodid: "-//Tandem//Meetings//EN",
      version: "2.0",
      uid: `${MEETING.meetingId}@tandem`,
      sequence: 0,
      start: MEETING.start,
      end: MEETING.end,
      summary: "Planning",
      location: "Room 4",
      status: "CONFIRMED",
    });
    expect(request.description).toBe(
      `Agree the quarter's plan\n\nAgenda:\n- Roadmap\n- Hiring\n\nOpen in Tandem: ${MEETING.url}`,
    );
    expect(request.organizer?.getFirstValue()).toBe("mailto:olu@example.test");
    expect(request.organizer?.getParameter("cn")).toBe("Olu Organiser");
    expect(request.attendees).toEqual([
      {
        value: "mailto:ana@example.test",
        cn: "Ana",
        role: "REQ-PARTICIPANT",
        partstat: "ACCEPTED",
        rsvp: "TRUE",
      },
      {
        value: "mailto:ben@example.test",
        cn: "Ben",
        role: "OPT-PARTICIPANT",
        partstat: "NEEDS-ACTION",
        rsvp: "TRUE",
      },
    ]);

    const cancel = read(meetingInvite({ ...MEETING, method: "CANCEL", sequence: 3 }));
    expect(cancel).toMatchObject({ method: "CANCEL", uid: request.uid, sequence: 3, status: "CANCELLED" });
    expect(cancel.sequence).toBeGreaterThan(request.sequence);
  });

  it("writes DTSTAMP in whole UTC seconds and times in UTC", () => {
    const text = meetingInvite(MEETING);
    expect(text).toContain("DTSTAMP:20260301T120000Z\r\n");
    expect(text).toContain("DTSTART:20260310T090000Z\r\n");
    expect(text).toContain("DTEND:20260310T094500Z\r\n");
    expect(text).toContain("METHOD:REQUEST\r\n");
  });

  it.each(["one_to_one", "performance_review"] as const)(
    "for a %s says nothing beyond title and time (no purpose, no agenda)",
    (kind) => {
      const event = read(meetingInvite({ ...MEETING, kind, purpose: "Talk about pay", agenda: ["Salary"] }));
      expect(event.description).toBe(`Open in Tandem: ${MEETING.url}`);
      expect(event.summary).toBe("Planning");
    },
  );

  it("escapes and folds hostile text: CR/LF, commas, quotes, 200 emoji", () => {
    const emoji = "😀".repeat(200);
    const hostile = {
      ...MEETING,
      title: `Plan, then\r\nBEGIN:VEVENT\rUID:evil;x\\y ${emoji}`,
      location: "Room 1, floor 2; east",
      organiser: { name: 'Olu "the boss"\r\nX-EVIL:1', email: "olu@example.test" },
      attendees: [{ name: "Ana; Ben, Co", email: "ana@example.test", required: true, rsvp: "no" as const }],
    };
    const text = meetingInvite(hostile);
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/[^\r]\n|\r(?!\n)/);
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded.split("\r\n").filter((l) => l.startsWith("BEGIN:VEVENT"))).toHaveLength(1);
    expect(unfolded).not.toMatch(/^X-EVIL/m);

    const event = read(text);
    expect(event.summary).toBe(`Plan, then\nBEGIN:VEVENT\nUID:evil;x\\y ${emoji}`);
    expect(event.location).toBe("Room 1, floor 2; east");
    expect(event.uid).toBe(`${MEETING.meetingId}@tandem`);
    expect(event.organizer?.getParameter("cn")).toBe("Olu  the boss  X-EVIL:1");
    expect(event.attendees[0]).toMatchObject({ cn: "Ana; Ben, Co", partstat: "DECLINED" });
  });
});
