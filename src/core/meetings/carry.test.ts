import { describe, expect, it } from "vitest";
import { type CarryAgendaItem, carryForward } from "./carry";

const item = (id: string, position: number, status: "open" | "covered"): CarryAgendaItem => ({
  id,
  position,
  title: `Item ${id}`,
  ownerId: null,
  minutes: 10,
  outcome: "discuss",
  notes: `notes of ${id}`,
  status,
});

describe("carryForward", () => {
  it("copies open agenda items in order after the next agenda, pointing back, and moves open action items", () => {
    const plan = carryForward({
      agenda: [item("c", 2, "open"), item("a", 0, "open"), item("b", 1, "covered")],
      actionItems: [
        { id: "x", status: "open" },
        { id: "y", status: "done" },
        { id: "z", status: "open" },
      ],
      nextAgenda: [
        { position: 0, title: "Other", status: "open", carriedFrom: null },
        { position: 3, title: "Another", status: "open", carriedFrom: null },
      ],
      maxAgendaItems: 100,
    });
    expect(plan.agenda).toEqual([
      {
        position: 4,
        title: "Item a",
        ownerId: null,
        minutes: 10,
        outcome: "discuss",
        notes: "notes of a",
        carriedFrom: "a",
      },
      {
        position: 5,
        title: "Item c",
        ownerId: null,
        minutes: 10,
        outcome: "discuss",
        notes: "notes of c",
        carriedFrom: "c",
      },
    ]);
    expect(plan.actionItemIds).toEqual(["x", "z"]);
    expect(plan.notCarried).toBe(0);
  });

  it("starts an empty next agenda at position 0 and carries nothing when all is covered and done", () => {
    expect(
      carryForward({ agenda: [item("a", 3, "open")], actionItems: [], nextAgenda: [], maxAgendaItems: 100 })
        .agenda[0]?.position,
    ).toBe(0);
    expect(
      carryForward({
        agenda: [item("a", 0, "covered")],
        actionItems: [{ id: "x", status: "done" }],
        nextAgenda: [],
        maxAgendaItems: 100,
      }),
    ).toEqual({ agenda: [], actionItemIds: [], notCarried: 0 });
  });

  it("never carries the same item twice", () => {
    const plan = carryForward({
      agenda: [item("a", 0, "open"), item("b", 1, "open")],
      actionItems: [],
      nextAgenda: [{ position: 0, title: "Item a", status: "open", carriedFrom: "a" }],
      maxAgendaItems: 100,
    });
    expect(plan.agenda.map((i) => i.carriedFrom)).toEqual(["b"]);
  });

  it("leaves out an item whose title the next agenda already has open (a standing item)", () => {
    const plan = carryForward({
      agenda: [item("a", 0, "open"), item("b", 1, "open"), item("c", 2, "open")],
      actionItems: [],
      nextAgenda: [
        { position: 0, title: "  item   A ", status: "open", carriedFrom: null },
        { position: 1, title: "Item b", status: "covered", carriedFrom: null },
      ],
      maxAgendaItems: 100,
    });
    expect(plan.agenda.map((i) => i.carriedFrom)).toEqual(["b", "c"]);
  });

  it("stops at the agenda limit and counts what was left behind", () => {
    const plan = carryForward({
      agenda: [item("a", 0, "open"), item("b", 1, "open"), item("c", 2, "open")],
      actionItems: [],
      nextAgenda: [{ position: 0, title: "Other", status: "open", carriedFrom: null }],
      maxAgendaItems: 2,
    });
    expect(plan.agenda.map((i) => i.carriedFrom)).toEqual(["a"]);
    expect(plan.notCarried).toBe(2);
  });
});
