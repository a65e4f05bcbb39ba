import type { RuleSource, RuleSources, Rules, TeamRules } from "../../contracts/agreement";
import { formatFlag, isStricter, NUMBER_RULES, type NumberRuleName, orgNumber } from "./catalog";

export type { RuleSource, RuleSources };

export interface EffectiveRules {
  rules: Rules;
  /** Where each rule's effective value came from; "team" only when the team's is strictly stricter. */
  sources: RuleSources;
}

export interface LoosenedRule {
  /** The rule's path in `Rules`, e.g. "replyWithinWorkingHours.normal" or "sensitiveIsLive". */
  rule: string;
  message: string;
}

interface Picked<T> {
  value: T;
  fromTeam: boolean;
}

const FLAG_RULES = {
  sensitiveIsLive: "personal and confidential conversations are live",
  informIsAsync: "updates that only inform go async",
} as const;

function stricterNumber(name: NumberRuleName, org: Rules, team: TeamRules): Picked<number> {
  const orgValue = orgNumber(name, org);
  const teamValue = NUMBER_RULES[name].get(team);
  if (teamValue !== undefined && isStricter(NUMBER_RULES[name].stricter, teamValue, orgValue)) {
    return { value: teamValue, fromTeam: true };
  }
  return { value: orgValue, fromTeam: false };
}

/** Turning a rule on is stricter than leaving it off. */
function stricterFlag(org: boolean, team: boolean | undefined): Picked<boolean> {
  return team === true && !org ? { value: true, fromTeam: true } : { value: org, fromTeam: false };
}

/** The organisation's list followed by the team's additions, without repeats. */
function union<T>(org: readonly T[], team: readonly T[] | undefined): Picked<T[]> {
  const value = [...new Set([...org, ...(team ?? [])])];
  return { value, fromTeam: value.length > new Set(org).size };
}

/** The team's focus window when it sets one, else the organisation's. */
function focusWindow(org: Rules, team: TeamRules): Picked<Rules["focus"]["window"]> {
  const teamWindow = team.focus?.window;
  const orgWindow = org.focus.window;
  if (!teamWindow) return { value: orgWindow, fromTeam: false };
  const same = orgWindow?.start === teamWindow.start && orgWindow.end === teamWindow.end;
  return { value: teamWindow, fromTeam: !same };
}

const source = (...picks: Picked<unknown>[]): RuleSource => (picks.some((p) => p.fromTeam) ? "team" : "org");

/** The stricter of the organisation's and the team's rules, rule by rule, and where each came from. */
export function effectiveRules(org: Rules, team: TeamRules = {}): EffectiveRules {
  const number = (name: NumberRuleName) => stricterNumber(name, org, team);
  const mustBeLive = union(org.mustBeLive, team.mustBeLive);
  const preferAsync = union(org.preferAsync, team.preferAsync);
  const sensitiveIsLive = stricterFlag(org.sensitiveIsLive, team.sensitiveIsLive);
  const informIsAsync = stricterFlag(org.informIsAsync, team.informIsAsync);
  const urgent = number("replyWithinWorkingHours.urgent");
  const normal = number("replyWithinWorkingHours.normal");
  const low = number("replyWithinWorkingHours.low");
  const agenda = number("agendaRequiredHoursBefore");
  const weekly = number("meetingBudget.weeklyHours");
  const daily = number("meetingBudget.dailyHours");
  const noMeetingDays = union(org.noMeetingDays, team.noMeetingDays);
  const minDaily = number("focus.minDailyHours");
  const window = focusWindow(org, team);
  const maxMeetingMinutes = number("maxMeetingMinutes");
  const maxAttendees = number("maxAttendees");
  const escalateAfterComments = number("escalateAfterComments");

  const rules: Rules = {
    mustBeLive: mustBeLive.value,
    preferAsync: preferAsync.value,
    sensitiveIsLive: sensitiveIsLive.value,
    informIsAsync: informIsAsync.value,
    replyWithinWorkingHours: { urgent: urgent.value, normal: normal.value, low: low.value },
    notificationHours: org.notificationHours,
    agendaRequiredHoursBefore: agenda.value,
    meetingBudget: { weeklyHours: weekly.value, dailyHours: daily.value },
    noMeetingDays: noMeetingDays.value,
    focus: window.value
      ? { minDailyHours: minDaily.value, window: window.value }
      : { minDailyHours: minDaily.value },
    maxMeetingMinutes: maxMeetingMinutes.value,
    maxAttendees: maxAttendees.value,
    escalateAfterComments: escalateAfterComments.value,
  };
  const sources: RuleSources = {
    mustBeLive: source(mustBeLive),
    preferAsync: source(preferAsync),
    sensitiveIsLive: source(sensitiveIsLive),
    informIsAsync: source(informIsAsync),
    replyWithinWorkingHours: source(urgent, normal, low),
    notificationHours: "org",
    agendaRequiredHoursBefore: source(agenda),
    meetingBudget: source(weekly, daily),
    noMeetingDays: source(noMeetingDays),
    focus: source(minDaily, window),
    maxMeetingMinutes: source(maxMeetingMinutes),
    maxAttendees: source(maxAttendees),
    escalateAfterComments: source(escalateAfterComments),
  };
  return { rules, sources };
}

/**
 * Every place `team` would loosen `org`. Kind and day lists never loosen (they are merged by
 * union), nor does a focus window (the team's replaces the organisation's by design).
 */
export function loosenedRules(org: Rules, team: TeamRules): LoosenedRule[] {
  const loosened: LoosenedRule[] = [];
  for (const name of Object.keys(NUMBER_RULES) as NumberRuleName[]) {
    const { stricter, label, format, get } = NUMBER_RULES[name];
    const teamValue = get(team);
    const orgValue = orgNumber(name, org);
    if (teamValue === undefined || !isStricter(stricter, orgValue, teamValue)) continue;
    const bound = stricter === "lower" ? "at most" : "at least";
    loosened.push({
      rule: name,
      message:
        `The team's ${label} (${name}) of ${format(teamValue)} is looser than the organisation's ` +
        `${format(orgValue)}; a team may only tighten it, to ${bound} ${format(orgValue)}.`,
    });
  }
  for (const name of Object.keys(FLAG_RULES) as (keyof typeof FLAG_RULES)[]) {
    if (team[name] !== false || !org[name]) continue;
    loosened.push({
      rule: name,
      message:
        `The organisation's agreement says ${FLAG_RULES[name]} (${name}: ${formatFlag(true)}); ` +
        "a team may not turn it off.",
    });
  }
  if ((team as { notificationHours?: unknown }).notificationHours !== undefined) {
    loosened.push({
      rule: "notificationHours",
      message: "Notification hours are set by the organisation only; a team may not override them.",
    });
  }
  return loosened;
}
