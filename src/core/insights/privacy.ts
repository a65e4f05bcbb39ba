import type { Group } from "./types";

/**
 * Differencing: pairs of groups a viewer could set side by side to learn about fewer than `min`
 * people — the two differ (people in one and not the other, either way) by at least 1 and fewer than
 * `min`. Groups below `min` are suppressed (no figures), so they take no part. Each pair once, in order.
 */
export function differencingPairs(groups: readonly Group[], min: number): [Group, Group][] {
  const shown = groups
    .map((group) => ({ group, members: new Set(group.members) }))
    .filter((g) => g.members.size >= min);
  const pairs: [Group, Group][] = [];
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i] as (typeof shown)[number];
      const b = shown[j] as (typeof shown)[number];
      // The difference is at least the difference in size: most pairs need no member walk.
      if (Math.abs(a.members.size - b.members.size) >= min) continue;
      const difference = symmetricDifferenceSize(a.members, b.members);
      if (difference >= 1 && difference < min) pairs.push([a.group, b.group]);
    }
  }
  return pairs;
}

function symmetricDifferenceSize(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const member of small) if (large.has(member)) shared++;
  return a.size + b.size - 2 * shared;
}
