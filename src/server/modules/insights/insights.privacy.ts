import { differencingPairs, type Group } from "../../../core/insights";
import { AppError } from "../../platform/errors";

/**
 * 400 `privacy_threshold` when two of the groups this viewer could see (those at or above the
 * minimum; smaller ones show no figures), one of them among `involving` (the groups asked for),
 * differ by fewer than `min` people: set side by side, their figures would tell about those few.
 * Names the first such pair in words; `details.groups` keeps both (key and label) and
 * `details.difference` how many people tell them apart.
 */
export function refuseDifferencing(
  groups: readonly Group[],
  min: number,
  involving: readonly string[],
): void {
  const pair = firstPair(groups, min, involving);
  if (!pair) return;
  const [a, b] = pair;
  const inB = new Set(b.members);
  const inA = new Set(a.members);
  const difference =
    a.members.filter((id) => !inB.has(id)).length + b.members.filter((id) => !inA.has(id)).length;
  const people = difference === 1 ? "1 person" : `${difference} people`;
  throw new AppError(
    "privacy_threshold",
    `${capitalise(a.label)} and ${b.label} differ by ${people}, fewer than the minimum group size of ${min}, ` +
      "so their figures cannot both be shown: side by side they would tell about those few people. " +
      "Choose a coarser breakdown, or ask an admin to regroup the teams or raise the minimum group size " +
      "until the smaller group falls below it.",
    {
      groups: [
        { key: a.key, label: a.label },
        { key: b.key, label: b.label },
      ],
      difference,
      minGroupSize: min,
    },
  );
}

/**
 * The first differencing pair (core's `differencingPairs`) holding one of the groups asked for. Two
 * groups of at least `min` people with nobody in common differ by at least 2 × `min`, and two whose
 * sizes are `min` apart differ by at least that: so each asked group is checked against the few
 * groups that share someone with it and are near its size (1,000 teams are not 500,000 pairs).
 */
function firstPair(
  groups: readonly Group[],
  min: number,
  involving: readonly string[],
): [Group, Group] | undefined {
  const shown = groups.filter((group) => group.members.length >= min);
  const order = new Map(shown.map((group, i) => [group, i]));
  const byKey = new Map(shown.map((group) => [group.key, group]));
  const byPerson = new Map<string, Group[]>();
  for (const group of shown)
    for (const person of group.members) {
      const of = byPerson.get(person);
      if (of) of.push(group);
      else byPerson.set(person, [group]);
    }
  for (const key of involving) {
    const asked = byKey.get(key);
    if (!asked) continue;
    const near = new Set<Group>();
    for (const person of asked.members)
      for (const other of byPerson.get(person) ?? [])
        if (other !== asked && Math.abs(other.members.length - asked.members.length) < min) near.add(other);
    if (near.size === 0) continue;
    // In the order the groups were given, so that the message names them as the caller listed them.
    const candidates = [asked, ...near].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const [pair] = differencingPairs(candidates, min).filter(([a, b]) => a === asked || b === asked);
    if (pair) return pair;
  }
  return undefined;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
