import { instantToLocal, sharedWorkingTime, type WeekPattern, weekdayOfDate } from "../../../core/time";
import type { Span } from "../../lib/resources";
import { formatSpan } from "../../lib/time";
import { type ClockDay, spansOn } from "./clock";

export interface ClockMember {
  name: string;
  timeZone: string;
  workingPattern: { week: WeekPattern };
  /** Working time (absences taken out); undefined while loading. */
  spans: Span[] | undefined;
}

export type OffReason = "weekend" | "not working" | "away";

/** Who works on `day` (viewer's day) and who is off, with why: away when their pattern has hours that weekday. */
export function whoWorks(members: readonly ClockMember[], day: ClockDay) {
  const working: { name: string; spans: Span[] }[] = [];
  const off: { name: string; reason: OffReason }[] = [];
  for (const m of members) {
    const spans = spansOn(m.spans ?? [], day);
    if (spans.length > 0) {
      working.push({ name: m.name, spans });
      continue;
    }
    const theirDate = instantToLocal(m.timeZone, (day.start + day.end) / 2).date;
    const weekday = weekdayOfDate(theirDate);
    const reason: OffReason = (m.workingPattern.week[weekday] ?? []).length
      ? "away"
      : weekday === "sat" || weekday === "sun"
        ? "weekend"
        : "not working";
    off.push({ name: m.name, reason });
  }
  return { working, off, shared: working.length < 2 ? [] : sharedWorkingTime(working.map((w) => w.spans)) };
}

const list = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

/**
 * One day of the team in a sentence: "Everyone overlaps 14:30–16:00 your time today", or with some
 * off, "The 3 people working overlap 14:30–16:00 your time today; off: Ben (weekend), Cy (away)".
 */
export function daySentence(members: readonly ClockMember[], day: ClockDay, viewerZone: string): string {
  const { working, off, shared } = whoWorks(members, day);
  const offText = off.length ? `off: ${list.format(off.map((o) => `${o.name} (${o.reason})`))}` : "";
  const when = list.format(shared.map((s) => formatSpan(s, viewerZone)));
  let lead: string;
  if (working.length === 0) lead = `Nobody works ${day.word}`;
  else if (working.length === 1) lead = `Only ${working[0]?.name} works ${day.word}`;
  else if (shared.length === 0) lead = `The ${working.length} people working ${day.word} never overlap`;
  else if (off.length === 0) lead = `Everyone overlaps ${when} your time ${day.word}`;
  else lead = `The ${working.length} people working overlap ${when} your time ${day.word}`;
  return offText ? `${lead}; ${offText}` : lead;
}

/** The overlap band of the chart: on each day, the time shared by those who work that day. */
export function sharedByDay(members: readonly ClockMember[], days: readonly ClockDay[]): Span[] {
  return days.flatMap((day) => whoWorks(members, day).shared);
}
