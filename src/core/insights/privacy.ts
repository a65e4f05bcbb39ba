import type { Group } from "./types";

/**
 * Differencing: pairs of groups a viewer could set side by side to learn about fewer than `min`
 * people — the two differ (people in one and not the other, either way) by at least 1 and fewer than
 * `min`. Groups below `min` are suppressed (no figures), so they take no part. Each pair once, in order.
 */
export function differencingPairs(groups: readonly Group[], min: number): [Group, Group][] {
  void groups;
  void min;
  throw new Error("not built yet");
}
