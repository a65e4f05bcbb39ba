import { describe, expect, it } from "vitest";
import { fieldInWords, fieldSentence } from "./field-words";

describe("field paths in words", () => {
  it("names weekdays, intervals by ordinal and known fields", () => {
    expect(fieldInWords("week.mon[0].end")).toBe("Monday, first interval, end");
    expect(fieldInWords("members[1].personId")).toBe("Second member, person");
    expect(fieldInWords("organisation.timeZone")).toBe("Organisation, time zone");
    expect(fieldInWords("week.tue")).toBe("Tuesday");
  });

  it("makes a sentence with the field's name beginning the problem", () => {
    expect(fieldSentence("week.mon[0].end", "must be after start")).toBe(
      "Monday, first interval: end must be after start",
    );
    expect(fieldSentence("name", "must not be empty")).toBe("Name must not be empty");
    expect(fieldSentence("teamIds[0]", "is not a team in this organisation")).toBe(
      "First team is not a team in this organisation",
    );
  });

  it("puts paths the message repeats or names in words, relative to the field", () => {
    expect(fieldSentence("week.thu[1]", "week.thu[1] overlaps week.thu[0]")).toBe(
      "Thursday, second interval overlaps the first interval",
    );
    expect(fieldSentence("week.fri[0].end", "week.fri[0].end (09:00) must be after its start (17:00)")).toBe(
      "Friday, first interval: end (09:00) must be after its start (17:00)",
    );
  });

  it("never leaves a path in the sentence, and leaves emails and zones alone", () => {
    const sentence = fieldSentence("rules.meetingBudget.weeklyHours", "must be at least 0");
    expect(sentence).toBe("Rules, meeting budget: weekly hours must be at least 0");
    expect(fieldSentence("email", "ada@example.test is taken")).toBe("Email: ada@example.test is taken");
    expect(fieldSentence("q", "must not contain a NUL character")).not.toMatch(/[[\].]/);
  });

  it("puts a message that is not a predicate after a colon", () => {
    expect(fieldSentence("managerId", "a person cannot be their own manager")).toBe(
      "Manager: a person cannot be their own manager",
    );
  });

  it("drops the field's own id from a message that is a sentence already", () => {
    expect(
      fieldSentence(
        "rules.maxAttendees",
        "The team's most attendees in a meeting (maxAttendees) of 30 people is looser than the organisation's 12 people.",
      ),
    ).toBe(
      "The team's most attendees in a meeting of 30 people is looser than the organisation's 12 people.",
    );
    expect(
      fieldSentence(
        "rules.mustBeLive",
        "The organisation's agreement says X (mustBeLive: yes); a team may not.",
      ),
    ).toBe("The organisation's agreement says X; a team may not.");
  });
});
