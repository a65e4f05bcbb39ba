import { type Instant, instantToLocal } from "../time";

/** Burden per attendee, in attendee order. */
export type Burdens = Float64Array;

/** [largest burden, total, sum of squares]: compared lexicographically, lower is better. */
export type PlanKey = readonly [number, number, number];

export function keyOf(burdens: Burdens): PlanKey {
  let max = 0;
  let total = 0;
  let squares = 0;
  for (const b of burdens) {
    if (b > max) max = b;
    total += b;
    squares += b * b;
  }
  return [max, total, squares];
}

export function compareKeys(a: PlanKey, b: PlanKey): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Prior burden plus the cost of each week's chosen candidate (`plan[week]` indexes `costs[week]`). */
export function planBurdens(costs: readonly Float64Array[][], prior: Burdens, plan: Int32Array): Burdens {
  const burdens = Float64Array.from(prior);
  plan.forEach((j, week) => {
    const cost = costs[week]?.[j] as Float64Array;
    for (let p = 0; p < burdens.length; p++) burdens[p] = (burdens[p] as number) + (cost[p] as number);
  });
  return burdens;
}

/**
 * Local search: moves one week to another candidate whenever that strictly improves the key, until no
 * move does (at most `maxPasses` sweeps over all weeks × candidates; each move costs O(attendees)).
 */
export function improve(
  costs: readonly Float64Array[][],
  prior: Burdens,
  seed: Int32Array,
  maxPasses = 100,
): Int32Array {
  const plan = Int32Array.from(seed);
  const burdens = planBurdens(costs, prior, plan);
  let key = keyOf(burdens);
  const trial = new Float64Array(burdens.length);
  for (let pass = 0, improved = true; improved && pass < maxPasses; pass++) {
    improved = false;
    costs.forEach((row, week) => {
      row.forEach((cost, j) => {
        if (j === plan[week]) return;
        const current = row[plan[week] as number] as Float64Array;
        for (let p = 0; p < trial.length; p++)
          trial[p] = (burdens[p] as number) - (current[p] as number) + (cost[p] as number);
        const trialKey = keyOf(trial);
        if (compareKeys(trialKey, key) >= 0) return;
        burdens.set(trial);
        key = trialKey;
        plan[week] = j;
        improved = true;
      });
    });
  }
  return plan;
}

/**
 * Plans that meet at one fixed time every week: the same UTC time (each candidate index), and the same
 * wall-clock time in each zone, found per week among that week's candidates (skipped when a week has no
 * candidate at that wall-clock time).
 */
export function fixedTimePlans(
  zones: readonly string[],
  startOf: (week: number, j: number) => Instant,
  weeks: number,
  perDay: number,
): Int32Array[] {
  const plans: Int32Array[] = [];
  for (let j = 0; j < perDay; j++) plans.push(new Int32Array(weeks).fill(j));
  for (const zone of zones) {
    const byWeek = Array.from({ length: weeks }, (_, week) => {
      const indexOfMinute = new Map<number, number>();
      for (let j = perDay - 1; j >= 0; j--)
        indexOfMinute.set(instantToLocal(zone, startOf(week, j)).minutes, j);
      return indexOfMinute;
    });
    for (const minute of byWeek[0]?.keys() ?? []) {
      const plan = byWeek.map((indexOfMinute) => indexOfMinute.get(minute));
      if (plan.every((j) => j !== undefined)) plans.push(Int32Array.from(plan as number[]));
    }
  }
  return plans;
}
