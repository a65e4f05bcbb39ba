/** Numbers in sentences: at most 2 places, no trailing zeros ("18.5", "17"). */
export const formatFigure = (value: number): string => String(Math.round(value * 100) / 100);

/** A share (0–1) as a whole percentage: "60%". */
export const formatShare = (share: number): string => `${Math.round(share * 100)}%`;

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
