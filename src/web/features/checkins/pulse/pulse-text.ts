import type { PulseView } from "../../../../contracts/checkins";
import { formatDate } from "../../../lib/time";
import { averageText } from "../digest/text";

/** The privacy note beside every team pulse figure. */
export const thresholdNote = (minGroupSize: number) => `Shown for groups of ${minGroupSize} or more`;

/** "Week of Mon 5 Jan". */
export const weekLabel = (start: string) => `Week of ${formatDate(start)}`;

export interface PulseWeek {
  start: string;
  respondents: number;
  /** Absent when fewer answered than the minimum group size: drawn as a gap. */
  team?: number;
  mine?: number;
}

/**
 * The team's weeks and the viewer's own, joined by week start, oldest first, from the first week
 * anyone answered (the weeks before the ritual began say nothing).
 */
export function pulseWeeks(pulse: PulseView): PulseWeek[] {
  const mine = new Map(pulse.mine.map((m) => [m.start, m.average]));
  const starts = [...new Set([...pulse.periods.map((p) => p.start), ...mine.keys()])].sort();
  const team = new Map(pulse.periods.map((p) => [p.start, p]));
  const weeks = starts.map((start) => ({
    start,
    respondents: team.get(start)?.respondents ?? 0,
    team: team.get(start)?.average,
    mine: mine.get(start),
  }));
  const first = weeks.findIndex((w) => w.respondents > 0 || w.mine !== undefined);
  return first < 0 ? [] : weeks.slice(first);
}

/** A week some answered, but too few to show: drawn as a gap with a lock. */
export const heldBack = (w: PulseWeek) => w.team === undefined && w.respondents > 0;

/**
 * The chart in one sentence for screen readers and everyone: the latest shown team average and how
 * many weeks were held back for privacy.
 */
export function pulseSummary(weeks: PulseWeek[], minGroupSize: number): string {
  if (weeks.length === 0) return "No pulse answers yet.";
  const shown = weeks.filter((w) => w.team !== undefined);
  const held = weeks.filter(heldBack).length;
  const latest = shown.at(-1);
  const parts = [
    latest?.team !== undefined
      ? `The team's latest weekly average is ${averageText(latest.team)} out of 5 (the week of ${formatDate(latest.start)}).`
      : "No week has enough answers to show the team's average yet.",
  ];
  if (held > 0)
    parts.push(
      `${held} ${held === 1 ? "week is" : "weeks are"} held back because fewer than ${minGroupSize} people answered.`,
    );
  return parts.join(" ");
}
