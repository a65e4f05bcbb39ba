import type { SlotsBody, SlotView } from "../../../contracts/scheduling";
import { type Attendee, findSlots, type Slot } from "../../../core/scheduling";
import { DAY_MS, type Interval, MINUTE_MS } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { busyOf, focusOf } from "../calendars";
import { type PersonWorkingTime, workingTimeOf } from "../people";
import { burdenOf } from "./scheduling.repo";
import { absencesOf, type SlotRules, slotRulesOf } from "./slot-inputs.repo";

/** Inconvenience on the ledger since this long before the window counts as burden (scheduled ones too). */
export const BURDEN_LOOKBACK_MS = 90 * DAY_MS;
/** Candidate starts × attendees a single search may weigh (a year in 15-minute steps × 1,000 people fits). */
const MAX_WORK = 50_000_000;

export const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The slot finder's view of people whose working time is known: their calendars' busy time with
 * absences (widened window for the buffer), the absences alone, focus blocks and ledger burden.
 * Four more queries.
 */
async function asAttendees(
  executor: Executor,
  organisationId: string,
  people: readonly (PersonWorkingTime & { required: boolean })[],
  window: Interval,
  bufferMinutes = 0,
): Promise<Attendee[]> {
  const ids = people.map((p) => p.personId);
  const padding = bufferMinutes * MINUTE_MS;
  const [busy, absent, focus, burden] = await Promise.all([
    busyOf(executor, organisationId, ids, { start: window.start - padding, end: window.end + padding }),
    absencesOf(executor, organisationId, ids, window),
    focusOf(executor, organisationId, ids, window),
    burdenOf(executor, organisationId, ids, new Date(window.start - BURDEN_LOOKBACK_MS)),
  ]);
  return people.map((p) => ({
    personId: p.personId,
    required: p.required,
    timeZone: p.timeZone,
    working: p.working,
    busy: busy.get(p.personId) ?? [],
    absent: absent.get(p.personId) ?? [],
    focus: focus.get(p.personId) ?? [],
    burden: burden.get(p.personId) ?? 0,
  }));
}

const presentSlot = (slot: Slot): SlotView => ({ ...slot, start: iso(slot.start), end: iso(slot.end) });

/** The agreement's no-meeting days and daily budget, as the slot finder weighs them. */
const ruleInputs = (rules: SlotRules | null) => ({
  noMeetingDays: rules?.noMeetingDays ?? [],
  dailyMeetingHours: rules?.meetingBudget.dailyHours ?? 0,
});

/** POST /scheduling/slots: the best slots for these people of the organisation (another's → 404). */
export async function findSlotsFor(deps: Deps, actor: Actor, body: SlotsBody): Promise<SlotView[]> {
  const window = { start: Date.parse(body.from), end: Date.parse(body.to) };
  const granularityMinutes = body.granularityMinutes ?? 15;
  const candidates = (window.end - window.start) / (granularityMinutes * MINUTE_MS);
  if (candidates * body.attendees.length > MAX_WORK) {
    throw invalid(
      "granularityMinutes",
      "too many candidate times for this many attendees: use a shorter window or a larger step",
    );
  }
  const ids = body.attendees.map((a) => a.personId);
  // A day either side, so the edges of the window are not mistaken for the edges of a working day.
  const around = { start: window.start - DAY_MS, end: window.end + DAY_MS };
  const working = await workingTimeOf(deps.db, actor.organisationId, ids, around);
  const people = working.map((w, i) => ({ ...w, required: body.attendees[i]?.required ?? true }));
  const [attendees, rules] = await Promise.all([
    asAttendees(deps.db, actor.organisationId, people, window, body.bufferMinutes),
    slotRulesOf(deps.db, actor.organisationId),
  ]);
  const slots = findSlots({
    ...ruleInputs(rules),
    attendees,
    durationMinutes: body.durationMinutes,
    window,
    granularityMinutes,
    bufferMinutes: body.bufferMinutes ?? 0,
    limit: body.limit ?? 10,
    allowOutsideWorkingHours: body.allowOutsideWorkingHours ?? false,
    spreadMinutes: body.spreadMinutes ?? 60,
  });
  return slots.map(presentSlot);
}

/**
 * The best `limit` times in `window` when everyone in `participants` (working time already known) must
 * come, from their calendars, focus blocks and burden too. For the advisor's sync answer.
 */
export async function suggestSlots(
  executor: Executor,
  organisationId: string,
  participants: readonly PersonWorkingTime[],
  window: Interval,
  durationMinutes: number,
  limit: number,
  rules: SlotRules,
): Promise<{ start: string; end: string }[]> {
  const people = participants.map((p) => ({ ...p, required: true }));
  const attendees = await asAttendees(executor, organisationId, people, window);
  return findSlots({ attendees, durationMinutes, window, limit, ...ruleInputs(rules) }).map((slot) => ({
    start: iso(slot.start),
    end: iso(slot.end),
  }));
}
