import type { SectionChange } from "../../../contracts/agreement";
import type { Section } from "./agreement.table";

export type { SectionChange };

/** The written sections added, edited or removed between two versions, matched by title. */
export function diffSections(before: Section[], after: Section[]): SectionChange[] {
  const old = new Map(before.map((s) => [s.title, s.body]));
  const now = new Map(after.map((s) => [s.title, s.body]));
  return [
    ...after.filter((s) => !old.has(s.title)).map((s) => ({ title: s.title, change: "added" as const })),
    ...after
      .filter((s) => old.has(s.title) && old.get(s.title) !== s.body)
      .map((s) => ({ title: s.title, change: "edited" as const })),
    ...before.filter((s) => !now.has(s.title)).map((s) => ({ title: s.title, change: "removed" as const })),
  ];
}
