import { describe, expect, it } from "vitest";
import { isSearchShortcut } from "./search-shortcut";

const press = (
  key: string,
  target: unknown,
  mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey", boolean>> = {},
) => isSearchShortcut({ key, target, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe("the search shortcut", () => {
  it("takes a bare / pressed on the page", () => {
    expect(press("/", { tagName: "BODY" })).toBe(true);
    expect(press("/", { tagName: "A" })).toBe(true);
    expect(press("/", { tagName: "BUTTON", isContentEditable: false })).toBe(true);
    expect(press("/", null)).toBe(true);
  });

  it("leaves / to whoever is typing", () => {
    for (const tagName of ["INPUT", "TEXTAREA", "SELECT"]) expect(press("/", { tagName })).toBe(false);
    expect(press("/", { tagName: "DIV", isContentEditable: true })).toBe(false);
  });

  it("leaves other keys and the browser's own combinations alone", () => {
    expect(press("?", { tagName: "BODY" })).toBe(false);
    expect(press("s", { tagName: "BODY" })).toBe(false);
    expect(press("/", { tagName: "BODY" }, { ctrlKey: true })).toBe(false);
    expect(press("/", { tagName: "BODY" }, { metaKey: true })).toBe(false);
    expect(press("/", { tagName: "BODY" }, { altKey: true })).toBe(false);
  });
});
