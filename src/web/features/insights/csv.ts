import {
  INSIGHT_METRICS,
  type InsightMetric,
  type MyInsightsView,
  type OrganisationInsightsView,
  type Stat,
  type TeamInsightsView,
} from "../../../contracts/insights";
import { METRIC_DEFINITIONS } from "../../../core/insights/definitions";

/**
 * Insights as CSV, made in the browser from what the API answered: an export can hold nothing the
 * page could not show (suppressed groups stay without figures, nobody's own week leaves "Mine").
 */

const cell = (value: string | number | undefined): string => {
  const text = value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const rows = (lines: (string | number | undefined)[][]) =>
  `${lines.map((l) => l.map(cell).join(",")).join("\r\n")}\r\n`;
const label = (m: InsightMetric) => METRIC_DEFINITIONS[m].label;
const statHeads = INSIGHT_METRICS.flatMap((m) => [`${label(m)} median`, `${label(m)} 75th percentile`]);
const statCells = (of: Partial<Record<InsightMetric, Stat>>) =>
  INSIGHT_METRICS.flatMap((m) => [of[m]?.median, of[m]?.p75]);

/** My weeks, one row each. */
export function myCsv(view: MyInsightsView): string {
  return rows([
    ["Week starting", ...INSIGHT_METRICS.map(label)],
    ...view.weeks.map((w) => [w.weekStart, ...INSIGHT_METRICS.map((m) => w[m])]),
  ]);
}

/** A team's weeks (medians and 75th percentiles); a suppressed team has a header and no rows. */
export function teamCsv(view: TeamInsightsView): string {
  return rows([
    ["Week starting", "People", ...statHeads],
    ...(view.weeks ?? []).map((w) => [w.weekStart, w.people, ...statCells(w)]),
  ]);
}

/** The organisation's groups; a suppressed group keeps its name and size and no figures. */
export function organisationCsv(view: OrganisationInsightsView): string {
  return rows([
    ["Group", "People", "Shown", ...statHeads],
    ...view.groups.map((g) => [
      g.label,
      g.people,
      g.suppressed ? "no (too few people)" : "yes",
      ...statCells(g),
    ]),
  ]);
}

/** Offers `text` as a file download named `name`. */
export function downloadCsv(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
