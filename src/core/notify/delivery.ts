import {
  DAY_MS,
  type Instant,
  type Interval,
  mergeIntervals,
  type WorkingTimeProfile,
  workingIntervals,
} from "../time";
import { type NotificationHours, notificationProfile } from "./hours";

/** How far ahead the next start of a person's hours is looked for (past the absence they are in, if any). */
export const DELIVERY_HORIZON_DAYS = 60;
/** The search looks a week at a time, so the usual answer (today or after a weekend) costs one week. */
const STEP_MS = 7 * DAY_MS;

export interface DeliveryInput {
  /** Given by the caller: nothing here reads the clock. */
  now: Instant;
  urgent: boolean;
  hours: NotificationHours;
  person: WorkingTimeProfile;
}

export interface Delivery {
  deliverAt: Instant;
  /** Whether `now` was outside the recipient's notification hours (absent counts as outside). */
  outsideHours: boolean;
  /** The wait was made longer by an absence: the caller puts it in the return-day digest. */
  afterAbsence: boolean;
}

/**
 * When a notification reaches its recipient. Urgent: at once (logged by the caller with
 * `outsideHours`). Otherwise at once inside the recipient's notification hours, else at the next
 * instant those hours begin — in the zone in force that day (travel), with DST and absences honoured.
 */
export function deliveryTime(input: DeliveryInput): Delivery {
  const { now, urgent } = input;
  const profile = notificationProfile(input.hours, input.person);
  const horizonEnd = horizonAfter(now, profile.absences ?? []);
  const next = nextStart(profile, now, horizonEnd);
  const inside = next === now;
  if (urgent || inside) return { deliverAt: now, outsideHours: !inside, afterAbsence: false };
  // No hours at all within the horizon (an empty week, or the horizon spent in absence):
  // deliver now rather than hold the notification back for ever.
  if (next === null) return { deliverAt: now, outsideHours: true, afterAbsence: false };
  if (!profile.absences || profile.absences.length === 0) {
    return { deliverAt: next, outsideHours: true, afterAbsence: false };
  }
  const withoutAbsences = nextStart({ ...profile, absences: [] }, now, horizonEnd);
  return {
    deliverAt: next,
    outsideHours: true,
    afterAbsence: withoutAbsences !== null && withoutAbsences < next,
  };
}

/** The horizon runs past the end of any absence that starts within it, so a long leave still finds the return. */
function horizonAfter(now: Instant, absences: readonly Interval[]): Instant {
  const horizon = DELIVERY_HORIZON_DAYS * DAY_MS;
  let end = now + horizon;
  for (const absence of mergeIntervals(absences)) {
    if (absence.start < end && absence.end > now) end = Math.max(end, absence.end + horizon);
  }
  return end;
}

/**
 * The first instant ≥ `from` inside the person's hours, or `null` before `horizonEnd`. Each window
 * is searched in order and `workingIntervals` clips to it, so the first interval found starts either
 * at `from` (already inside) or where the hours next begin.
 */
function nextStart(profile: WorkingTimeProfile, from: Instant, horizonEnd: Instant): Instant | null {
  for (let start = from; start < horizonEnd; start += STEP_MS) {
    const first = workingIntervals(profile, { start, end: Math.min(start + STEP_MS, horizonEnd) })[0];
    if (first) return first.start;
  }
  return null;
}
