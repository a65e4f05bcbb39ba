import type { GroupStats } from "../../contracts/insights";
import type { RuleChange } from "../agreement";

/**
 * One line per changed rule with the figure it is meant to move, before → after:
 * "No-meeting days: none → Wednesday; median focus hours 6.5 → 9.0". A rule no figure measures is
 * listed with its change alone.
 */
export function effectSummary(
  changes: readonly RuleChange[],
  before: Partial<GroupStats> | undefined,
  after: Partial<GroupStats> | undefined,
): string[] {
  void changes;
  void before;
  void after;
  throw new Error("not built yet");
}
