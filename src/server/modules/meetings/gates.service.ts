import type { MeetingKind, Rules } from "../../../contracts/agreement";
import type { Violation } from "../../../contracts/meetings";
import { checkMeeting, type GateAttendee } from "../../../core/meetings";
import { clipIntervals, DAY_MS, type Interval, mergeIntervals } from "../../../core/time";
import type { Deps } from "../../deps";
import { AppError } from "../../platform/errors";
import { focusOf } from "../calendars";
import { workingTimeOf } from "../people";
import { importedBusyOf, otherMeetingsOf } from "./meetings.repo";

/** How far around a meeting the gates look: its local day and ISO week in any zone. */
const AROUND_MS = 8 * DAY_MS;

export interface GatePerson {
  personId: string;
  required?: boolean | undefined;
}

/** Each person's time around a set of slots: what the gates and the fairness ledger read. */
export interface Gathered {
  people: { personId: string; name: string; timeZone: string; working: Interval[] }[];
  focus: Map<string, Interval[]>;
  busy: Map<string, Interval[]>;
}

/**
 * Gathers, for these people around these slots: working intervals (people), focus blocks and
 * imported busy time (calendars), and their other Tandem meetings they attend (`except` left out:
 * the meetings being checked). A few queries whatever the number of people or slots.
 */
export async function gather(
  deps: Deps,
  organisationId: string,
  personIds: string[],
  slots: readonly Interval[],
  except: readonly string[] = [],
): Promise<Gathered> {
  const window = {
    start: Math.min(...slots.map((s) => s.start)) - AROUND_MS,
    end: Math.max(...slots.map((s) => s.end)) + AROUND_MS,
  };
  const [people, focus, imported, meetings] = await Promise.all([
    workingTimeOf(deps.db, organisationId, personIds, window),
    focusOf(deps.db, organisationId, personIds, window),
    importedBusyOf(deps.db, organisationId, personIds, window),
    otherMeetingsOf(deps.db, organisationId, personIds, window, except),
  ]);
  const busy = new Map(
    personIds.map((id) => [id, mergeIntervals([...(imported.get(id) ?? []), ...(meetings.get(id) ?? [])])]),
  );
  return { people, focus, busy };
}

/** The agreement's verdict on each slot, for these attendees with what `gather` found. */
export function judge(
  kind: MeetingKind,
  rules: Rules,
  attendees: readonly GatePerson[],
  gathered: Gathered,
  slots: readonly Interval[],
): { violations: Violation[]; warnings: Violation[] } {
  const required = new Map(attendees.map((a) => [a.personId, a.required]));
  const violations: Violation[] = [];
  const warnings: Violation[] = [];
  for (const slot of slots) {
    const around = { start: slot.start - AROUND_MS, end: slot.end + AROUND_MS };
    const clip = (list: Interval[] | undefined) => clipIntervals(list ?? [], around);
    const gateAttendees: GateAttendee[] = gathered.people.map((p) => ({
      personId: p.personId,
      name: p.name,
      timeZone: p.timeZone,
      required: required.get(p.personId) ?? true,
      working: clip(p.working),
      focus: clip(gathered.focus.get(p.personId)),
      busy: clip(gathered.busy.get(p.personId)),
    }));
    const verdict = checkMeeting(
      { kind, start: slot.start, end: slot.end, attendeeCount: attendees.length },
      rules,
      gateAttendees,
    );
    violations.push(...verdict.violations);
    warnings.push(...verdict.warnings);
  }
  return { violations: distinct(violations), warnings: distinct(warnings) };
}

/** The same finding for several meetings of a series (a too-long meeting) is said once. */
function distinct(list: Violation[]): Violation[] {
  const seen = new Set<string>();
  return list.filter((v) => {
    const key = `${v.ruleId}|${v.personId ?? ""}|${v.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** 409 `agreement_conflict` unless there is nothing to override or the request says why it overrides. */
export function assertAllowed(
  violations: Violation[],
  override: { reason: string } | undefined,
  doing: "create" | "change",
): void {
  if (violations.length === 0 || override) return;
  throw new AppError(
    "agreement_conflict",
    `This meeting goes against the working agreement: ${violations.map((v) => v.text).join(" ")} ` +
      `Change the meeting, or send override with a reason (at least 10 characters) to ${doing} it anyway.`,
    { violations },
  );
}

/** The rule ids an override sets aside, each once. */
export const overriddenRules = (violations: Violation[]) => [...new Set(violations.map((v) => v.ruleId))];
