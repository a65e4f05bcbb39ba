/**
 * The character-level helpers of the one-pass reader (`reader.ts`): property and component names
 * matched in place without building strings, TEXT unescaping, parameter values, and the DECLINE that
 * leaves a file to ical.js. Plain functions, so each call stays a direct call on the hot path.
 */

/** Thrown inside the reader for a text it leaves to ical.js. */
const DECLINE = new Error("read with ical.js");
export function decline(): never {
  throw DECLINE;
}

export enum Prop {
  Other,
  Begin,
  End,
  Uid,
  DtStart,
  DtEnd,
  Duration,
  RRule,
  ExRule,
  RDate,
  ExDate,
  RecurrenceId,
  Transp,
  Status,
  Sequence,
  Summary,
  CalScale,
  WrTimezone,
  FreeBusy,
}

/** The property named by `s[from, to)`, matched in any letter case, without building its name. */
export function propOf(s: string, from: number, to: number): Prop {
  const length = to - from;
  switch (s.charCodeAt(from) | 0x20) {
    case 98: // b
      return is(s, from, length, "begin") ? Prop.Begin : Prop.Other;
    case 99: // c
      return is(s, from, length, "calscale") ? Prop.CalScale : Prop.Other;
    case 100: // d
      if (is(s, from, length, "dtstart")) return Prop.DtStart;
      if (is(s, from, length, "dtend")) return Prop.DtEnd;
      return is(s, from, length, "duration") ? Prop.Duration : Prop.Other;
    case 101: // e
      if (is(s, from, length, "end")) return Prop.End;
      if (is(s, from, length, "exdate")) return Prop.ExDate;
      return is(s, from, length, "exrule") ? Prop.ExRule : Prop.Other;
    case 102: // f
      return is(s, from, length, "freebusy") ? Prop.FreeBusy : Prop.Other;
    case 114: // r
      if (is(s, from, length, "rrule")) return Prop.RRule;
      if (is(s, from, length, "rdate")) return Prop.RDate;
      return is(s, from, length, "recurrence-id") ? Prop.RecurrenceId : Prop.Other;
    case 115: // s
      if (is(s, from, length, "status")) return Prop.Status;
      if (is(s, from, length, "summary")) return Prop.Summary;
      return is(s, from, length, "sequence") ? Prop.Sequence : Prop.Other;
    case 116: // t
      return is(s, from, length, "transp") ? Prop.Transp : Prop.Other;
    case 117: // u
      return is(s, from, length, "uid") ? Prop.Uid : Prop.Other;
    case 120: // x
      return is(s, from, length, "x-wr-timezone") ? Prop.WrTimezone : Prop.Other;
    default:
      return Prop.Other;
  }
}

/**
 * The property whose name begins the line `s[from, to)` and ends at its first ":" or ";", as
 * {@link propOf} of that name gives it, matched in place: the names kept, each followed by a ":" or
 * ";" (none holds one), so a known property's name is read once, not scanned first. Given as
 * `length * 32 + kind` (kind {@link Prop}, length of the name); -1 when none matches (the caller
 * then scans for the name's end).
 */
export function propAt(s: string, from: number, to: number): number {
  const names = KEPT_BY_LETTER[s.charCodeAt(from) | 0x20];
  if (names === undefined) return -1;
  for (let k = 0; k < names.length; k++) {
    const [lower, kind] = names[k] as KeptName;
    const found = named(s, from, to, lower, kind);
    if (found >= 0) return found;
  }
  return -1;
}

type KeptName = readonly [lower: string, kind: Prop];

/** The names {@link propAt} matches, by the code of their first letter (lower case). */
const KEPT_BY_LETTER: KeptName[][] = [];
for (const kept of [
  ["begin", Prop.Begin],
  ["dtstart", Prop.DtStart],
  ["dtend", Prop.DtEnd],
  ["duration", Prop.Duration],
  ["end", Prop.End],
  ["exdate", Prop.ExDate],
  ["exrule", Prop.ExRule],
  ["rrule", Prop.RRule],
  ["rdate", Prop.RDate],
  ["recurrence-id", Prop.RecurrenceId],
  ["summary", Prop.Summary],
  ["status", Prop.Status],
  ["sequence", Prop.Sequence],
  ["transp", Prop.Transp],
  ["uid", Prop.Uid],
] as const) {
  const letter = kept[0].charCodeAt(0);
  KEPT_BY_LETTER[letter] = [...(KEPT_BY_LETTER[letter] ?? []), kept];
}

/** {@link propAt}'s answer for the name `lower` (any letter case) followed by a ":" or ";" at `s[from]`, or -1. */
function named(s: string, from: number, to: number, lower: string, kind: Prop): number {
  const end = from + lower.length;
  if (end >= to) return -1;
  const c = s.charCodeAt(end);
  if ((c !== 58 && c !== 59) || !sameName(s, from, lower)) return -1;
  return lower.length * 32 + kind;
}

/** Whether `s[from, from + length)` is the name `lower`, in any letter case. */
const is = (s: string, from: number, length: number, lower: string) =>
  length === lower.length && sameName(s, from, lower);

/** Whether `s` at `from` holds `text` exactly. */
export function sameText(s: string, from: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (s.charCodeAt(from + k) !== text.charCodeAt(k)) return false;
  return true;
}

/** Whether `s` at `from` holds `lower` (lower case) in any letter case. */
export function sameName(s: string, from: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++) {
    const c = s.charCodeAt(from + k);
    const t = lower.charCodeAt(k);
    if (c !== t && !(t >= 97 && (c | 0x20) === t)) return false;
  }
  return true;
}

const COMPONENT_NAME = /^[A-Za-z0-9-]+$/;
const TEXT_ESCAPES = /\\\\|\\;|\\,|\\[Nn]/g;

/** A TEXT value unescaped as ical.js does (`\,` `\;` `\\` `\n`). */
export function unescapeText(value: string): string {
  if (value.indexOf("\\") < 0) return value;
  return value.replace(TEXT_ESCAPES, (found) =>
    found === "\\\\" ? "\\" : found === "\\;" ? ";" : found === "\\," ? "," : "\n",
  );
}

/** Whether a character continues the previous line (RFC 5545 folding). */
export const isFold = (c: number) => c === 32 || c === 9;

/** A parameter's value (its quotes off); one with a backslash, which ical.js unescapes, is declined. */
export function paramValue(s: string, from: number, to: number): string {
  if (holds(s, from, to, 92)) decline();
  return s.slice(from, to);
}

/** Whether `s[from, to)` holds the character `code`. */
export function holds(s: string, from: number, to: number, code: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === code) return true;
  return false;
}

/** Component names most files hold, as the reader keeps them (lower case). */
const COMMON_COMPONENTS = ["vevent", "vtimezone", "vcalendar", "valarm", "standard", "daylight"];

/** The name of a component, `s[from, to)`, in lower case; a name that is not [A-Za-z0-9-]+ is declined. */
export function componentName(s: string, from: number, to: number): string {
  for (const name of COMMON_COMPONENTS) {
    if (name.length === to - from && sameName(s, from, name)) return name;
  }
  const name = s.slice(from, to);
  if (!COMPONENT_NAME.test(name)) decline();
  return name.toLowerCase();
}

/**
 * Whether `s[from, to)`, spaces around it trimmed, names the open component `name` in any letter
 * case — as ical.js's readers compare them (trimmed, upper-cased), the rare non-ASCII text included.
 */
export function closes(s: string, from: number, to: number, name: string): boolean {
  if (to - from === name.length && sameName(s, from, name)) return true; // the usual END:VEVENT
  let a = from;
  let b = to;
  while (a < b && isAsciiSpace(s.charCodeAt(a))) a++;
  while (b > a && isAsciiSpace(s.charCodeAt(b - 1))) b--;
  if (holdsNonAscii(s, a, b)) return s.slice(from, to).trim().toUpperCase() === name.toUpperCase();
  return b - a === name.length && sameName(s, a, name);
}

const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

function holdsNonAscii(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) > 127) return true;
  return false;
}
