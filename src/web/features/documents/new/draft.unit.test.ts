import { describe, expect, it } from "vitest";
import { memoryStore } from "../../../../../test/support/memory-store";
import { documentDrafts, emptyDraft, toCreateBody } from "./draft";

const me = "11111111-1111-4111-8111-111111111111";
const team = "33333333-3333-4333-8333-333333333333";

describe("the new document's request", () => {
  it("trims the title, names the audience chosen and sends tags only when there are some", () => {
    const draft = { ...emptyDraft(), title: "  Onboarding ", body: "# Welcome" };
    expect(toCreateBody(draft)).toEqual({
      title: "Onboarding",
      body: "# Welcome",
      audience: { organisation: true },
    });
    const toTeam = toCreateBody({ ...draft, audience: "team", teamId: team, tags: ["handbook"] });
    expect(toTeam.audience).toEqual({ teamId: team });
    expect(toTeam.tags).toEqual(["handbook"]);
    expect(toCreateBody({ ...draft, audience: "people", personIds: [me] }).audience).toEqual({
      personIds: [me],
    });
  });

  it("sends a team audience without a team as empty, so the server names what is missing", () => {
    expect(toCreateBody({ ...emptyDraft(), audience: "team" }).audience).toEqual({});
  });
});

describe("the draft kept in the browser", () => {
  it("keeps what was typed per person and brings it back", () => {
    const store = memoryStore();
    const draft = {
      ...emptyDraft(),
      title: "Plan",
      body: "Text",
      tags: ["q3"],
      audience: "team" as const,
      teamId: team,
    };
    documentDrafts.save(store, me, draft);
    expect(store.items.has(documentDrafts.key(me))).toBe(true);
    expect(documentDrafts.key(me)).toBe(`tandem.document-draft.${me}`);
    expect(documentDrafts.load(store, me)).toEqual(draft);
    expect(documentDrafts.load(store, "someone-else")).toBeNull();
  });

  it("forgets a blank draft and clears on request", () => {
    const store = memoryStore();
    documentDrafts.save(store, me, { ...emptyDraft(), title: "x" });
    documentDrafts.save(store, me, emptyDraft());
    expect(store.items.size).toBe(0);
    documentDrafts.save(store, me, { ...emptyDraft(), title: "x" });
    documentDrafts.clear(store, me);
    expect(documentDrafts.load(store, me)).toBeNull();
  });

  it("opens a damaged or older copy field by field", () => {
    const store = memoryStore();
    store.setItem(
      documentDrafts.key(me),
      JSON.stringify({ title: "Kept", audience: "martians", tags: ["a", 3], body: 7 }),
    );
    expect(documentDrafts.load(store, me)).toEqual({ ...emptyDraft(), title: "Kept", tags: ["a"] });
    store.setItem(documentDrafts.key(me), "{not json");
    expect(documentDrafts.load(store, me)).toBeNull();
  });

  it("loses only the autosave when storage refuses", () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => undefined,
    };
    expect(() => documentDrafts.save(full, me, { ...emptyDraft(), title: "x" })).not.toThrow();
  });
});
