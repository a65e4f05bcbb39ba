import { describe, expect, it } from "vitest";
import { memoryStore, refusingStore } from "../../../../../test/support/memory-store";
import { draftFromAdvice, emptyDraft, toCreateBody, updateDrafts, wallClockInstant } from "./draft";

const me = "11111111-1111-4111-8111-111111111111";
const priya = "22222222-2222-4222-8222-222222222222";
const team = "33333333-3333-4333-8333-333333333333";

describe("the composer's request", () => {
  it("names the audience the form chose, and responders only when there are some", () => {
    const draft = { ...emptyDraft(), title: "  Q3 plan ", body: "Hi @Priya Shah" };
    expect(toCreateBody(draft, "UTC")).toEqual({
      kind: "status",
      title: "Q3 plan",
      body: "Hi @Priya Shah",
      audience: { organisation: true },
      urgency: "normal",
    });
    const toTeam = toCreateBody({ ...draft, audience: "team", teamId: team, responderIds: [priya] }, "UTC");
    expect(toTeam.audience).toEqual({ teamId: team });
    expect(toTeam.requiredResponderIds).toEqual([priya]);
    // A team not yet chosen sends no audience: the server says to choose one.
    expect(toCreateBody({ ...draft, audience: "team" }, "UTC").audience).toEqual({});
    expect(
      toCreateBody({ ...draft, audience: "people", personIds: [priya], teamId: team }, "UTC").audience,
    ).toEqual({
      personIds: [priya],
    });
  });

  it("sends a proposal's deadline as the instant of the author's wall clock, across DST", () => {
    const proposal = { ...emptyDraft(), kind: "proposal" as const, decisionDue: "2026-03-09T17:00" };
    // New York is on summer time from 8 March 2026: 17:00 is 21:00 UTC.
    expect(toCreateBody(proposal, "America/New_York").decisionDue).toBe("2026-03-09T21:00:00.000Z");
    expect(
      toCreateBody({ ...proposal, decisionDue: "2026-03-06T17:00" }, "America/New_York").decisionDue,
    ).toBe("2026-03-06T22:00:00.000Z");
    // Only a proposal has one; an impossible time goes as typed so the server names the field.
    expect(toCreateBody({ ...proposal, kind: "status" }, "UTC").decisionDue).toBeUndefined();
    expect(toCreateBody({ ...proposal, decisionDue: "2026-02-30T10:00" }, "UTC").decisionDue).toBe(
      "2026-02-30T10:00",
    );
    expect(wallClockInstant("2026-03-10", "UTC")).toBeNull();
  });

  it("sends attached documents as document links, in the order they were picked", () => {
    const doc1 = "55555555-5555-4555-8555-555555555555";
    const doc2 = "66666666-6666-4666-8666-666666666666";
    const draft = { ...emptyDraft(), title: "Q3 plan", documentIds: [doc2, doc1] };
    expect(toCreateBody(draft, "UTC").links).toEqual([
      { type: "document", id: doc2 },
      { type: "document", id: doc1 },
    ]);
    expect(toCreateBody({ ...draft, documentIds: [] }, "UTC").links).toBeUndefined();
  });
});

describe("the kept draft", () => {
  it("is kept per person and restored as typed", () => {
    const store = memoryStore();
    const draft = {
      ...emptyDraft(),
      kind: "question" as const,
      title: "Which vendor?",
      responderIds: [priya],
      documentIds: ["55555555-5555-4555-8555-555555555555"],
    };
    updateDrafts.save(store, me, draft);
    expect([...store.items.keys()]).toEqual([updateDrafts.key(me)]);
    // The key of the drafts kept before the shared helper, so none is lost.
    expect(updateDrafts.key(me)).toBe(`tandem.update-draft.${me}`);
    expect(updateDrafts.load(store, me)).toEqual(draft);
    expect(updateDrafts.load(store, priya)).toBeNull();
    updateDrafts.clear(store, me);
    expect(updateDrafts.load(store, me)).toBeNull();
  });

  it("forgets a blank draft rather than offering to restore it", () => {
    const store = memoryStore();
    updateDrafts.save(store, me, { ...emptyDraft(), title: "x" });
    updateDrafts.save(store, me, emptyDraft());
    expect(store.items.size).toBe(0);
  });

  it("opens a damaged or older copy field by field, and survives a storage that refuses", () => {
    const store = memoryStore();
    store.setItem(
      updateDrafts.key(me),
      JSON.stringify({ title: "Kept", kind: "recap", urgency: 5, personIds: [1, priya], documentIds: "x" }),
    );
    expect(updateDrafts.load(store, me)).toEqual({ ...emptyDraft(), title: "Kept", personIds: [priya] });
    store.setItem(updateDrafts.key(me), "{not json");
    expect(updateDrafts.load(store, me)).toBeNull();
    expect(updateDrafts.load(refusingStore, me)).toBeNull();
    expect(() => updateDrafts.save(refusingStore, me, { ...emptyDraft(), title: "x" })).not.toThrow();
    expect(() => updateDrafts.clear(refusingStore, me)).not.toThrow();
  });
});

describe("draftFromAdvice", () => {
  const advised = { kind: "proposal", body: "Context: …", teamId: null, personIds: ["a", "b"] };

  it("turns the advisor's hand-over into a draft for named people, who are also asked to reply", () => {
    expect(draftFromAdvice({ advised })).toEqual({
      ...emptyDraft(),
      kind: "proposal",
      body: "Context: …",
      audience: "people",
      personIds: ["a", "b"],
      responderIds: ["a", "b"],
    });
  });

  it("addresses the team when nobody else was named, and ignores any other router state", () => {
    expect(draftFromAdvice({ advised: { ...advised, personIds: [], teamId: "t" } })).toMatchObject({
      audience: "team",
      teamId: "t",
      responderIds: [],
    });
    expect(draftFromAdvice(null)).toBeNull();
    expect(draftFromAdvice({ from: "/updates" })).toBeNull();
    expect(draftFromAdvice({ advised: { ...advised, kind: "recap" } })?.kind).toBe("status");
  });
});
