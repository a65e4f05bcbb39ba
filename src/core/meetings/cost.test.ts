import { describe, expect, it } from "vitest";
import { personHours } from "./cost";

describe("personHours", () => {
  it("counts everyone who has not declined and is not following async", () => {
    const attendees = [
      { rsvp: "yes" as const },
      { rsvp: "pending" as const },
      { rsvp: "no" as const },
      { rsvp: "follow_async" as const },
      { rsvp: "yes" as const },
    ];
    expect(personHours(attendees, 90)).toBe(4.5);
    expect(personHours(attendees, 20)).toBe(1);
    expect(personHours(attendees.slice(0, 1), 25)).toBe(0.42);
    expect(personHours([{ rsvp: "no" }, { rsvp: "follow_async" }], 60)).toBe(0);
    expect(personHours([], 60)).toBe(0);
  });
});
