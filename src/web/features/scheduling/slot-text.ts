import type { BlockerReason, SlotBlockerView, SlotView } from "../../../contracts/scheduling";
import { classifyWithOffsets, type InconvenienceKind, localMinute } from "../../../core/scheduling";
import { offsetAt } from "../../../core/time";
import { formatDate } from "../../lib/time";

/** What the pages know about a person in a slot or a rotation. */
export interface Who {
  id: string;
  name: string;
  timeZone: string;
}

/**
 * A person's wall-clock time for an instant, as said beside their name: "21:30", or "Tue 8 Dec 01:30"
 * when their date differs from the viewer's; null when it reads the same as the viewer's clock.
 */
export function theirTime(theirLocal: string, viewerLocal: string): string | null {
  if (theirLocal === viewerLocal) return null;
  const [date = "", time = ""] = theirLocal.split("T");
  return date === viewerLocal.split("T")[0] ? time : `${formatDate(date)} ${time}`;
}

/** "Priya · 21:30 their time", or just "Priya" when their clock reads like the viewer's. */
export function nameWithTime(who: Who, instant: number, viewerZone: string, theirLocal?: string): string {
  const local = theirTime(theirLocal ?? localMinute(who.timeZone, instant), localMinute(viewerZone, instant));
  return local ? `${who.name} · ${local} their time` : who.name;
}

/** Early (before 09:00), late (after 18:00) on the person's clock, and outside their working hours. */
export function kindsFor(who: Who, start: number, end: number, inWorkingHours: boolean): InconvenienceKind[] {
  const found = classifyWithOffsets(
    { start, end },
    offsetAt(who.timeZone, start),
    offsetAt(who.timeZone, end),
    inWorkingHours,
  );
  return (["early", "late", "outside"] as const).filter((kind) => found[kind]);
}

export const KIND_WORDS: Record<InconvenienceKind, string> = {
  early: "early",
  late: "late",
  outside: "outside working hours",
};

const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/**
 * Why a slot ranks where it does, in one sentence: "Everyone inside working hours; 2 optional people
 * busy". Required people are always free in a slot; what lowers a score is said in plain words.
 */
export function explainSlot(slot: SlotView, people: ReadonlyMap<string, Who>, required: ReadonlySet<string>) {
  const start = Date.parse(slot.start);
  const end = Date.parse(slot.end);
  const outside: string[] = [];
  const early: string[] = [];
  const late: string[] = [];
  let optional = 0;
  let optionalBusy = 0;
  for (const a of slot.attendees) {
    const who = people.get(a.personId) ?? { id: a.personId, name: "someone", timeZone: "UTC" };
    if (!a.inWorkingHours) outside.push(who.name);
    const kinds = kindsFor(who, start, end, a.inWorkingHours);
    if (kinds.includes("early")) early.push(who.name);
    if (kinds.includes("late")) late.push(who.name);
    if (!required.has(a.personId)) {
      optional++;
      if (!a.free) optionalBusy++;
    }
  }
  const parts = [
    outside.length === 0 ? "everyone inside working hours" : `outside working hours for ${list(outside)}`,
  ];
  if (early.length > 0) parts.push(`early for ${list(early)}`);
  if (late.length > 0) parts.push(`late for ${list(late)}`);
  if (optionalBusy > 0)
    parts.push(`${optionalBusy} optional ${optionalBusy === 1 ? "person" : "people"} busy`);
  else if (optional > 0)
    parts.push(optional === 1 ? "the optional person is free" : "all optional people free");
  const explained = outside.length + early.length + late.length + optionalBusy > 0;
  if (!explained && slot.score < 100) parts.push("leaves someone a short gap or overlaps focus time");
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

const BLOCKER_WORDS: Record<BlockerReason, (localTime: string) => string> = {
  before_hours: (t) => `${t} local, before working hours`,
  after_hours: (t) => `${t} local, after working hours`,
  day_off: (t) => `${t} local, not a working day`,
  busy: () => "busy",
  absent: () => "away",
  focus: () => "in focus time",
  no_meeting_day: () => "a no-meeting day in the agreement",
};

/** One blocker as a person would say it: "Aiko: 07:00 local, before working hours"; "Ben: busy". */
export function blockerSentence(blocker: SlotBlockerView, people: ReadonlyMap<string, Who>): string {
  const name = people.get(blocker.personId)?.name ?? "Someone";
  return `${name}: ${BLOCKER_WORDS[blocker.reason](blocker.localTime)}`;
}
