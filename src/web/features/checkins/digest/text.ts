import type { DigestQuestion } from "../../../../contracts/checkins";

/** "4 of 6 answered". */
export const participationText = (answered: number, participants: number) =>
  `${answered} of ${participants} answered`;

/** "3.4" — one decimal, as people read an average of 1–5. */
export const averageText = (average: number) => (Math.round(average * 10) / 10).toFixed(1);

/** "1 person", "3 people". */
export const peopleText = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

/** "Yes 4 · No 1". */
export const yesNoText = (q: Pick<DigestQuestion, "yes" | "no">) => `Yes ${q.yes ?? 0} · No ${q.no ?? 0}`;

/** "Not answered yet: Ana, Kenji" — only ever built from what the server sends to those who run the ritual. */
export const notAnsweredText = (people: { name: string }[]) =>
  `Not answered yet: ${people.map((p) => p.name).join(", ")}`;

/** What a scale's bars say to a screen reader: "3 answered 4 (Good)". */
export function distributionRows(distribution: number[], options: string[] | null) {
  return distribution.map((count, i) => ({
    value: i + 1,
    label: options?.[i] ? `${i + 1} · ${options[i]}` : String(i + 1),
    count,
  }));
}
