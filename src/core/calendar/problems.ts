import { MAX_CALENDAR_CANDIDATES, MAX_RULE_CANDIDATES, type RuleShortfall } from "./recur";
import type { EventProblem, IcsEvent } from "./types";

/** At most this many problems are listed; the rest are read the same way but not listed. */
export const MAX_PROBLEMS = 100;

const count = (n: number) => n.toLocaleString("en");

/** What fell short, in words that quote no free text. */
export function describeShortfall(shortfall: RuleShortfall, kept: number): string {
  switch (shortfall.kind) {
    case "never-matches":
      return "its repeat rule never matches";
    case "invalid":
      return `its repeat rule cannot be used (${shortfall.reason}): only its first date is counted`;
    case "out-of-budget":
      if (shortfall.calendarWide) {
        return `the calendar's repeat rules need more than ${count(MAX_CALENDAR_CANDIDATES)} steps in all: this one was cut short after ${count(kept)} dates`;
      }
      return kept === 0
        ? `its repeat rule matches none of the first ${count(MAX_RULE_CANDIDATES)} dates it tries`
        : `its repeat rule needs more than ${count(MAX_RULE_CANDIDATES)} steps: only ${count(kept)} of its dates are counted`;
  }
}

/** "Event 'Standup': its repeat rule never matches" (by UID when the event has no title). */
export function eventProblem(event: IcsEvent, problem: string, line: number | undefined): EventProblem {
  const title = event.title?.replace(/\s+/g, " ").trim();
  const name = title
    ? `Event '${title.length > 80 ? `${title.slice(0, 80)}…` : title}'`
    : `Event ${JSON.stringify(event.uid)}`;
  return { uid: event.uid, line, problem, message: `${name}: ${problem}` };
}
