import { describe, expect, it } from "vitest";
import { pickerOptions } from "./picker";

describe("the document picker's options", () => {
  it("lists the chosen documents first, in their order, then the others found, each once", () => {
    const chosen = [
      { id: "b", title: "Budget" },
      { id: "a", title: "Agenda" },
    ];
    const found = [
      { id: "a", title: "Agenda" },
      { id: "c", title: "Charter" },
    ];
    expect(pickerOptions(chosen, found)).toEqual([
      { value: "b", label: "Budget" },
      { value: "a", label: "Agenda" },
      { value: "c", label: "Charter" },
    ]);
  });
});
