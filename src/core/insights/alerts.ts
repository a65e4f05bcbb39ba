import type { Alert, AlertContext, PersonWeek } from "./types";

/**
 * A person's alerts from their weeks (oldest first, whole weeks only): overload (meeting hours over
 * the weekly budget two weeks running), focus deficit (3 or more working days under the daily focus
 * minimum in a week), after-hours creep (after-hours meeting time rising three weeks running),
 * disconnection (no meeting shared with the team and no check-in answered for 3 weeks, with check-ins
 * due), unfair burden (more than twice the fair share of the team's ledger points over 8 weeks).
 */
export function personAlerts(weeks: readonly PersonWeek[], context: AlertContext): Alert[] {
  void weeks;
  void context;
  throw new Error("not built yet");
}
