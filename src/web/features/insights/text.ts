import type { InsightMetric, Stat } from "../../../contracts/insights";
import { METRIC_DEFINITIONS } from "../../../core/insights/definitions";
import { formatDate } from "../../lib/time";

/** A figure with at most one decimal, without a trailing ".0": 8.5, 16, 0.3. */
export function figure(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** A share (0–1) as a whole percentage: "40%". */
export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** One metric's value in its unit: "14 h", "3.8 of 5", "80%", "12 points". */
export function valueText(metric: InsightMetric, value: number): string {
  if (metric === "checkinParticipation") return percent(value);
  if (metric === "pulse") return `${figure(value)} of 5`;
  const unit = METRIC_DEFINITIONS[metric].unit;
  return `${figure(value)} ${unit}`;
}

/** "Meeting hours" — the metric's name as pages show it. */
export const metricLabel = (metric: InsightMetric) => METRIC_DEFINITIONS[metric].label;

/** "Week of Mon 5 Jan". */
export const weekLabel = (weekStart: string) => `Week of ${formatDate(weekStart)}`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * One of my charts in a sentence (screen readers and everyone): "Meeting hours per week, 12 weeks:
 * from 8.5 to 16 h; last week 14 h, budget 15 h". Weeks without the figure are left out, never zero.
 */
export function weeklySummary(
  metric: InsightMetric,
  values: readonly (number | undefined)[],
  budget?: number,
): string {
  const label = `${metricLabel(metric)} per week`;
  const known = values.filter((v): v is number => v !== undefined);
  if (known.length === 0) return `${label}: no figures in these weeks.`;
  const low = Math.min(...known);
  const high = Math.max(...known);
  const last = values.at(-1);
  const range = low === high ? `${valueText(metric, low)} each week` : `from ${rangeText(metric, low, high)}`;
  const parts = [`${label}, ${plural(values.length, "week")}: ${range}`];
  const tail = [last === undefined ? "no figure last week" : `last week ${valueText(metric, last)}`];
  if (budget !== undefined) tail.push(`budget ${valueText(metric, budget)}`);
  return `${parts[0]}; ${tail.join(", ")}`;
}

/** "8.5 to 16 h" (the unit once), "60% to 80%", "3 to 4.5 of 5". */
function rangeText(metric: InsightMetric, low: number, high: number): string {
  if (metric === "checkinParticipation") return `${percent(low)} to ${percent(high)}`;
  return `${figure(low)} to ${valueText(metric, high)}`;
}

/**
 * A team's chart in a sentence: "Meeting hours per week, 12 weeks: median from 6 to 9 h, 75th
 * percentile up to 12 h; last week median 8 h, 75th percentile 10 h".
 */
export function teamSummary(metric: InsightMetric, stats: readonly (Stat | undefined)[]): string {
  const label = `${metricLabel(metric)} per week`;
  const known = stats.filter((s): s is Stat => s !== undefined);
  if (known.length === 0) return `${label}: no figures in these weeks.`;
  const medians = known.map((s) => s.median);
  const low = Math.min(...medians);
  const high = Math.max(...medians);
  const topP75 = Math.max(...known.map((s) => s.p75));
  const median =
    low === high ? `median ${valueText(metric, low)}` : `median from ${rangeText(metric, low, high)}`;
  const last = stats.at(-1);
  const lastText = last
    ? `last week median ${valueText(metric, last.median)}, 75th percentile ${valueText(metric, last.p75)}`
    : "no figure last week";
  return `${label}, ${plural(stats.length, "week")}: ${median}, 75th percentile up to ${valueText(metric, topP75)}; ${lastText}`;
}

/** "Figures for groups of 5 or more people; this team has 7". */
export const groupSizeNote = (people: number, minGroupSize: number, what = "this team") =>
  `Figures for groups of ${minGroupSize} or more people; ${what} has ${people}`;

/** Why a group shows no figures, in the words the page and the organisation's table use. */
export const suppressedNote = (name: string, minGroupSize: number) =>
  `${name} has fewer than ${minGroupSize} people, so no figures are shown — to protect individuals, ` +
  `a group's figures appear only when at least ${minGroupSize} people are in it.`;

/** A table cell for a group below the minimum. */
export const fewerThan = (minGroupSize: number) => `fewer than ${minGroupSize} people`;

/** "Make async" for `make_async`. */
export const SUGGESTION_WORDS = {
  keep: "Keep",
  shorten: "Shorten",
  make_async: "Make async",
  end: "End",
} as const;

/** "2 people" for an alert count. */
export const peopleCount = (n: number) => plural(n, "person", "people");
