import { describe, expect, it } from "vitest";
import { audienceFormOf, audienceInput, audienceText, keptAudience } from "./audience";

const team = "33333333-3333-4333-8333-333333333333";
const priya = "22222222-2222-4222-8222-222222222222";

describe("who an update or a document is for, in words", () => {
  const none = { organisation: false, teamId: null, teamName: null, people: [] };

  it("names the audience in a few words (an update's)", () => {
    const people = ["Priya Shah", "Kenji Sato", "Ana Lima", "Sam Price"].map((name, i) => ({
      personId: String(i),
      name,
    }));
    expect(audienceText({ ...none, organisation: true }, "Nobody")).toBe("Everyone");
    expect(
      audienceText({ ...none, teamId: "t", teamName: "Platform", people: people.slice(0, 1) }, "Nobody"),
    ).toBe("Platform · Priya Shah");
    expect(audienceText({ ...none, people }, "Nobody")).toBe("Priya Shah, Kenji Sato and 2 more");
    expect(audienceText(none, "Nobody")).toBe("Nobody");
    expect(audienceText({ ...none, people }, "Nobody", Number.POSITIVE_INFINITY)).toBe(
      "Priya Shah, Kenji Sato, Ana Lima, Sam Price",
    );
  });

  it("names the organisation, the team and up to two people (a document's)", () => {
    expect(audienceText({ ...none, organisation: true }, "Only the owner")).toBe("Everyone");
    expect(audienceText({ ...none, teamId: "t", teamName: "Platform" }, "Only the owner")).toBe("Platform");
    const people = ["A", "B", "C", "D"].map((name, i) => ({ personId: `p${i}`, name }));
    expect(audienceText({ ...none, people }, "Only the owner")).toBe("A, B and 2 more");
    expect(audienceText(none, "Only the owner")).toBe("Only the owner");
  });
});

describe("the audience a form sends", () => {
  it("sends only what the choice names; a team not chosen yet as {}", () => {
    const form = { audience: "organisation" as const, teamId: team, personIds: [priya] };
    expect(audienceInput(form)).toEqual({ organisation: true });
    expect(audienceInput({ ...form, audience: "team" })).toEqual({ teamId: team });
    expect(audienceInput({ ...form, audience: "team", teamId: null })).toEqual({});
    expect(audienceInput({ ...form, audience: "people" })).toEqual({ personIds: [priya] });
  });

  it("reads a kept audience field by field", () => {
    expect(keptAudience({ audience: "team", teamId: team, personIds: [priya, 3] })).toEqual({
      audience: "team",
      teamId: team,
      personIds: [priya],
    });
    expect(keptAudience({ audience: "martians", teamId: 7 })).toEqual({
      audience: "organisation",
      teamId: null,
      personIds: [],
    });
  });
});

describe("an audience as its form shows it, to edit", () => {
  const none = { organisation: false, teamId: null, teamName: null, people: [] };
  const named = [{ personId: priya, name: "Priya Shah" }];

  it("shows the organisation, a team alone, or the named people, and round-trips to the same input", () => {
    const org = audienceFormOf({ ...none, organisation: true });
    expect(org.audience).toBe("organisation");
    expect(audienceInput(org)).toEqual({ organisation: true });
    const alone = audienceFormOf({ ...none, teamId: team, teamName: "Platform" });
    expect(alone).toEqual({ audience: "team", teamId: team, personIds: [] });
    expect(audienceInput(alone)).toEqual({ teamId: team });
    const people = audienceFormOf({ ...none, people: named });
    expect(audienceInput(people)).toEqual({ personIds: [priya] });
  });

  it("shows a team with named people as the people, keeping the team for a switch back", () => {
    expect(audienceFormOf({ ...none, teamId: team, teamName: "Platform", people: named })).toEqual({
      audience: "people",
      teamId: team,
      personIds: [priya],
    });
  });
});
