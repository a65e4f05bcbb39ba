import { describe, expect, it } from "vitest";
import type { MeetingView } from "../../../../contracts/meetings";
import { draftFromMeeting, toUpdateBody } from "./draft";

const me = "11111111-1111-4111-8111-111111111111";
const kenji = "33333333-3333-4333-8333-333333333333";
const team = "44444444-4444-4444-8444-444444444444";
const doc1 = "55555555-5555-4555-8555-555555555555";
const doc2 = "66666666-6666-4666-8666-666666666666";

/** The fields the edit form reads; the rest of the view does not matter here. */
const meeting = {
  title: "Pricing decision",
  kind: "decision",
  purpose: "Choose the price",
  start: "2026-03-10T09:30:00.000Z",
  durationMinutes: 45,
  teamId: team,
  location: null,
  attendees: [
    { personId: me, name: "Priya", timeZone: "Asia/Kolkata", required: true, rsvp: "yes" },
    { personId: kenji, name: "Kenji", timeZone: "Europe/London", required: false, rsvp: "pending" },
  ],
  preReadDocuments: [{ id: doc1, title: "Pricing options" }],
} as unknown as MeetingView;

describe("editing a meeting", () => {
  const before = draftFromMeeting(meeting, "Asia/Kolkata");

  it("prefills the form from the meeting on the viewer's clock", () => {
    expect(before).toMatchObject({
      title: "Pricing decision",
      kind: "decision",
      purpose: "Choose the price",
      date: "2026-03-10",
      time: "15:00",
      durationMinutes: 45,
      required: [me],
      optional: [kenji],
      teamId: team,
      location: "",
      preReadDocumentIds: [doc1],
    });
  });

  it("sends nothing when nothing changed, attendees picked in another order included", () => {
    expect(toUpdateBody(before, { ...before }, "Asia/Kolkata")).toEqual({});
    const twoRequired = { ...before, required: [me, kenji], optional: [] };
    expect(toUpdateBody(twoRequired, { ...twoRequired, required: [kenji, me] }, "Asia/Kolkata")).toEqual({});
  });

  it("sends only what changed: a new time as an instant, a longer length and the reason", () => {
    const moved = { ...before, time: "16:30", durationMinutes: 90 };
    expect(toUpdateBody(before, moved, "Asia/Kolkata", "The client can only do this")).toEqual({
      start: "2026-03-10T11:00:00.000Z",
      durationMinutes: 90,
      override: { reason: "The client can only do this" },
    });
  });

  it("sends cleared text as empty, a cleared team as null and the whole attendee list when it changed", () => {
    const changed = { ...before, purpose: "  ", teamId: null, optional: [], title: " Pricing " };
    expect(toUpdateBody(before, changed, "Asia/Kolkata")).toEqual({
      title: "Pricing",
      purpose: "",
      teamId: null,
      attendees: [{ personId: me, required: true }],
    });
  });

  it("sends the pre-read documents only when the list changed, an emptied one as empty", () => {
    expect(toUpdateBody(before, { ...before, preReadDocumentIds: [doc1] }, "Asia/Kolkata")).toEqual({});
    expect(toUpdateBody(before, { ...before, preReadDocumentIds: [doc1, doc2] }, "Asia/Kolkata")).toEqual({
      preReadDocumentIds: [doc1, doc2],
    });
    expect(toUpdateBody(before, { ...before, preReadDocumentIds: [] }, "Asia/Kolkata")).toEqual({
      preReadDocumentIds: [],
    });
  });
});
