import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../lib/api";
import { conflictOf } from "./ConflictPanel";
import {
  draftFromQuery,
  keepDraft,
  rowsFromTemplate,
  startOf,
  takeKeptDraft,
  toCreateBody,
  wallClock,
} from "./draft";

const me = "11111111-1111-4111-8111-111111111111";
const priya = "22222222-2222-4222-8222-222222222222";
const kenji = "33333333-3333-4333-8333-333333333333";
const doc1 = "55555555-5555-4555-8555-555555555555";
const doc2 = "66666666-6666-4666-8666-666666666666";

describe("the New meeting draft", () => {
  it("takes Find a time's slot from the address, on the viewer's wall clock", () => {
    const params = new URLSearchParams({
      start: "2026-03-10T09:30:00.000Z",
      duration: "45",
      attendees: `${me},${priya}`,
      optional: `${kenji},${priya}`,
    });
    const draft = draftFromQuery(params, "Asia/Kolkata", Date.parse("2026-03-01T00:00:00Z"), me);
    expect(draft).toMatchObject({ date: "2026-03-10", time: "15:00", durationMinutes: 45 });
    expect(draft.required).toEqual([me, priya]);
    // Someone both required and optional stays required.
    expect(draft.optional).toEqual([kenji]);
  });

  it("starts at the next whole local hour with the viewer alone when the address says nothing", () => {
    // 23:20 in Kolkata: the next whole hour is midnight of the next day.
    const draft = draftFromQuery(
      new URLSearchParams(),
      "Asia/Kolkata",
      Date.parse("2026-03-10T17:50:00Z"),
      me,
    );
    expect(draft).toMatchObject({ date: "2026-03-11", time: "00:00", durationMinutes: 30, required: [me] });
    expect(draftFromQuery(new URLSearchParams({ duration: "-5" }), "UTC", 0, me).durationMinutes).toBe(30);
  });

  it("reads the start across a DST change in the viewer's zone", () => {
    // New York moved to summer time on 8 March 2026: 09:00 is 13:00 UTC after, 14:00 UTC before.
    expect(startOf({ date: "2026-03-09", time: "09:00" }, "America/New_York")).toBe(
      Date.parse("2026-03-09T13:00:00Z"),
    );
    expect(startOf({ date: "2026-03-06", time: "09:00" }, "America/New_York")).toBe(
      Date.parse("2026-03-06T14:00:00Z"),
    );
    expect(wallClock("America/New_York", Date.parse("2026-03-08T15:30:00Z"))).toEqual({
      date: "2026-03-08",
      time: "11:30",
    });
    expect(startOf({ date: "2026-02-30", time: "09:00" }, "UTC")).toBeNull();
    expect(startOf({ date: "2026-03-01", time: "" }, "UTC")).toBeNull();
  });

  it("builds the request: attendees marked required or optional, series, agenda, override", () => {
    const draft = {
      ...draftFromQuery(new URLSearchParams({ attendees: `${me},${priya}`, optional: kenji }), "UTC", 0, me),
      title: "  Plan Q3 ",
      kind: "planning" as const,
      date: "2026-03-10",
      time: "09:00",
      repeat: "biweekly" as const,
      endBy: "until" as const,
      until: "2026-06-30",
      location: " ",
      agenda: rowsFromTemplate({
        id: "t",
        name: "Planning",
        kind: "planning",
        builtIn: true,
        agenda: [
          { title: "Goals", minutes: 10, outcome: "discuss" },
          { title: "Choose", minutes: null, outcome: "decide" },
        ],
      }),
    };
    expect(toCreateBody(draft, "Europe/Berlin", "The client is only free then")).toEqual({
      title: "Plan Q3",
      kind: "planning",
      start: "2026-03-10T08:00:00.000Z",
      durationMinutes: 30,
      attendees: [
        { personId: me, required: true },
        { personId: priya, required: true },
        { personId: kenji, required: false },
      ],
      recurrence: { frequency: "biweekly", until: "2026-06-30" },
      agenda: [
        { title: "Goals", minutes: 10, outcome: "discuss" },
        { title: "Choose", outcome: "decide" },
      ],
      override: { reason: "The client is only free then" },
    });
    const once = toCreateBody({ ...draft, repeat: "none", agenda: [], date: "2026-13-01" }, "UTC");
    expect(once.recurrence).toBeUndefined();
    expect(once.agenda).toBeUndefined();
    expect(once.override).toBeUndefined();
    expect(once.preReadDocumentIds).toBeUndefined();
    const withDocs = toCreateBody({ ...draft, preReadDocumentIds: [doc2, doc1] }, "UTC");
    expect(withDocs.preReadDocumentIds).toEqual([doc2, doc1]);
    // A date that is not one goes as typed, so the server names the field.
    expect(once.start).toBe("2026-13-01T09:00");
  });

  it("tells an agreement conflict from other failures", () => {
    const violations = [
      { ruleId: "maxMeetingMinutes", text: "The agreement allows meetings of 60 minutes." },
    ];
    const conflict = new ApiError(409, {
      code: "agreement_conflict",
      message: "This meeting breaks the agreement",
      requestId: "r",
      details: { violations },
    });
    expect(conflictOf(conflict)).toEqual(violations);
    expect(conflictOf(new ApiError(409, { code: "conflict", message: "x", requestId: "r" }))).toBeNull();
    expect(conflictOf(new Error("offline"))).toBeNull();
  });
});

describe("the draft kept while finding a time", () => {
  afterEach(() => vi.unstubAllGlobals());
  const items = new Map<string, string>();
  const stubStorage = () =>
    vi.stubGlobal("sessionStorage", {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    });

  it("comes back once, with the pre-read documents picked", () => {
    stubStorage();
    const fresh = draftFromQuery(new URLSearchParams(), "UTC", 0, me);
    keepDraft({ ...fresh, title: "Plan", preReadDocumentIds: [doc1] });
    expect(takeKeptDraft(fresh, new URLSearchParams())).toMatchObject({
      title: "Plan",
      preReadDocumentIds: [doc1],
    });
    expect(takeKeptDraft(fresh, new URLSearchParams())).toBeNull();
  });

  it("fills what a draft kept by an older form lacks", () => {
    stubStorage();
    const fresh = draftFromQuery(new URLSearchParams(), "UTC", 0, me);
    const { preReadDocumentIds: _gone, ...older } = { ...fresh, title: "Plan" };
    items.set("tandem.new-meeting", JSON.stringify(older));
    expect(takeKeptDraft(fresh, new URLSearchParams())).toMatchObject({
      title: "Plan",
      preReadDocumentIds: [],
    });
  });
});
