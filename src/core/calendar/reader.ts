import ICAL from "ical.js";
import { eventLines } from "./diagnose";
import { SimpleEvents } from "./simple-events";
import type { IcsEvent, IcsTime, ParsedCalendar, RecurData } from "./types";
import { jcalDate, jcalDateTime, readDuration, readIcalTime, readTime } from "./values";

/**
 * Tandem's own reader of an iCalendar text: one pass over the lines (unfolded, parameters read in
 * place), keeping only what busy time needs, with no object tree but the few VTIMEZONE blocks (read
 * with ical.js, whose zone rules the expansion uses). It gives what {@link parseIcs}'s reading with
 * ical.js gives. It declines (`undefined`) whatever it does not read exactly as that reading would —
 * a file with an error, or a rare shape (a folded BEGIN line, RFC 6868 escapes, …) — and the caller
 * then reads the file with ical.js, which names the line of an error.
 */
export function readQuickly(text: string): ParsedCalendar | undefined {
  try {
    const reader = new Reader(eventLines(text), same);
    reader.chunk(text);
    return reader.done();
  } catch {
    return undefined;
  }
}

/**
 * Bytes decoded and read at a time by {@link readQuicklyBytes}: a chunk's text stays below V8's
 * large-object size (128 kB), so once read it is collected with the young objects, not left to a
 * full collection as a megabyte string would be.
 */
export const CHUNK_BYTES = 1 << 16;

/**
 * {@link readQuickly} of a UTF-8 file, decoded and read a chunk of about `chunkBytes` at a time
 * (cut where a line ends and the next does not continue it), so the text of a large file is never
 * held whole: what is kept of a chunk (UIDs, zone names, rules) is copied out of it.
 * `wholeText` decodes the whole file, for the line of an event named in a problem.
 */
export function readQuicklyBytes(
  bytes: Uint8Array,
  wholeText: () => string,
  chunkBytes = CHUNK_BYTES,
): ParsedCalendar | undefined {
  // A BOM is kept as the character it is (the reader skips one that begins the file), as in a text.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let lines: ((index: number) => number | undefined) | undefined;
  const reader = new Reader((index) => {
    lines ??= eventLines(wholeText());
    return lines(index);
  }, detach);
  try {
    for (let from = 0; from < bytes.length; ) {
      const to = chunkEnd(bytes, from + chunkBytes);
      reader.chunk(decoder.decode(bytes.subarray(from, to)));
      from = to;
    }
    return reader.done();
  } catch {
    return undefined;
  }
}

/** Where a chunk reaching at least to `at` ends: after a line feed not followed by a folded line. */
function chunkEnd(bytes: Uint8Array, at: number): number {
  for (let i = Math.max(0, at - 1); i < bytes.length; i++) {
    if (bytes[i] !== 10) continue;
    const next = bytes[i + 1];
    if (next !== 32 && next !== 9) return i + 1;
  }
  return bytes.length;
}

const same = (s: string) => s;

/**
 * A copy of `s` that keeps nothing else alive: V8 makes a long slice a view of the string it was
 * cut from (a whole chunk). Short ones are copied already; a longer one is cut from a fresh join.
 */
const detach = (s: string) => (s.length < 13 ? s : ` ${s}`.slice(1));

/** Thrown inside the reader for a text it leaves to ical.js. */
const DECLINE = new Error("read with ical.js");
function decline(): never {
  throw DECLINE;
}

enum Prop {
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
function propOf(s: string, from: number, to: number): Prop {
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

/** Whether `s[from, from + length)` is the name `lower`, in any letter case. */
const is = (s: string, from: number, length: number, lower: string) =>
  length === lower.length && sameName(s, from, lower);

/** Whether `s` at `from` holds `text` exactly. */
function sameText(s: string, from: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (s.charCodeAt(from + k) !== text.charCodeAt(k)) return false;
  return true;
}

/** RRULE texts kept to be read once: far above the few a calendar repeats. */
const MAX_RULES = 1024;

/** TZIDs kept to be given again as the same string: a file names a few zones, rarely a dozen. */
const MAX_ZONE_NAMES = 16;

/** Whether `s` at `from` holds `lower` (lower case) in any letter case. */
function sameName(s: string, from: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++) {
    const c = s.charCodeAt(from + k);
    const t = lower.charCodeAt(k);
    if (c !== t && !(t >= 97 && (c | 0x20) === t)) return false;
  }
  return true;
}

const COMPONENT_NAME = /^[A-Za-z0-9-]+$/;
const TEXT_ESCAPES = /\\\\|\\;|\\,|\\[Nn]/g;
const FREQUENCIES = new Set(["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]);
const recurFromIcal = (ICAL.design.icalendar.value as Record<string, { fromICAL(v: string): unknown }>)
  .recur as { fromICAL(v: string): Record<string, unknown> };

/** A TEXT value unescaped as ical.js does (`\,` `\;` `\\` `\n`). */
function unescapeText(value: string): string {
  if (value.indexOf("\\") < 0) return value;
  return value.replace(TEXT_ESCAPES, (found) =>
    found === "\\\\" ? "\\" : found === "\\;" ? ";" : found === "\\," ? "," : "\n",
  );
}

/** Whether a character continues the previous line (RFC 5545 folding). */
const isFold = (c: number) => c === 32 || c === 9;

interface Params {
  tzid: string | undefined;
  value: string | undefined;
  range: string | undefined;
}

type Building = Omit<IcsEvent, "start"> & { start: IcsTime | undefined };

class Reader {
  private readonly parsed: ParsedCalendar;
  /** Names of the open components, outermost first, in lower case. */
  private readonly open: string[] = [];
  private event: Building | undefined;
  /** Where the SUMMARY value of the event being read lies in the text (-1: none, or read already). */
  private titleFrom = -1;
  private titleTo = -1;
  private zoneFrom = -1;
  private after = false;
  private junk = false;
  /** Where the current logical line begins in the text, and where its last physical line ends. */
  private lineFrom = 0;
  private lineTo = 0;
  /** The TZIDs read so far (the first {@link MAX_ZONE_NAMES}). */
  private readonly zoneNames: string[] = [];
  /** The RRULEs read so far by their text: a calendar repeats a few rules (read once, never changed). */
  private readonly rules = new Map<string, RecurData>();
  /** The parameters of the line being read (one object, refilled for each line). */
  private readonly lineParams: Params = { tzid: undefined, value: undefined, range: undefined };
  /** Where the value of the line whose parameters {@link params} read last begins. */
  private valueAt = 0;
  /** The events that are only their own times, kept in columns (see {@link SimpleEvents}). */
  private readonly simple = new SimpleEvents();
  /** VEVENTs begun so far. */
  private eventCount = 0;
  /** The text being read: the whole file, or one chunk of it (each ends where a line does). */
  private text = "";
  /** Whether the calendar has begun: whitespace before it is skipped, across chunks too. */
  private started = false;
  /** The beginning of a VTIMEZONE read in earlier chunks. */
  private zoneText = "";

  constructor(
    lineOfEvent: (index: number) => number | undefined,
    /** What keeps a string cut from the text: itself (a whole text), or a copy (a chunk). */
    private readonly keep: (s: string) => string,
  ) {
    this.parsed = { events: [], simple: this.simple, timezones: new Map(), lineOfEvent };
  }

  /** The calendar read, once every chunk was given. */
  done(): ParsedCalendar {
    if (this.open.length > 0 || !this.after) decline();
    return this.parsed;
  }

  /** Reads the next chunk of the file: whole lines, the last one not continued by the next chunk. */
  chunk(text: string): void {
    this.carry();
    this.text = text;
    const n = text.length;
    let pos = 0;
    if (!this.started) {
      for (; pos < n; pos++) {
        const c = text.charCodeAt(pos);
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) break;
      }
      this.started = pos < n;
    }
    while (pos < n) {
      let newline = text.indexOf("\n", pos);
      if (newline < 0) newline = n;
      let end = newline > pos && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      let next = newline + 1;
      this.lineFrom = pos;
      if (next < n && isFold(text.charCodeAt(next))) {
        // ical.js joins a continuation to an empty line, which it otherwise skips: left to it.
        if (end === pos) decline();
        if (this.ignored(text, pos, end)) {
          // Notes and the like, folded over many lines: stepped over, never joined.
          while (next < n && isFold(text.charCodeAt(next))) {
            let more = text.indexOf("\n", next);
            if (more < 0) more = n;
            end = more > next && text.charCodeAt(more - 1) === 13 ? more - 1 : more;
            next = more + 1;
          }
          this.lineTo = end;
          pos = next;
          continue;
        }
        let content = text.slice(pos, end);
        while (next < n && isFold(text.charCodeAt(next))) {
          let more = text.indexOf("\n", next);
          if (more < 0) more = n;
          end = more > next && text.charCodeAt(more - 1) === 13 ? more - 1 : more;
          content += text.slice(next + 1, end);
          next = more + 1;
        }
        this.lineTo = end;
        pos = next;
        this.line(content, 0, content.length, true);
        continue;
      }
      this.lineTo = end;
      pos = next;
      if (end > this.lineFrom) this.line(text, this.lineFrom, end, false);
    }
  }

  /** Before the next chunk: what the current one still holds for the open event or time zone is copied out. */
  private carry(): void {
    const { text } = this;
    if (this.event && this.titleFrom >= 0) {
      this.event.title = this.keep(unescapeText(text.slice(this.titleFrom, this.titleTo)));
      this.titleFrom = -1;
    }
    if (this.zoneFrom >= 0) {
      this.zoneText += text.slice(this.zoneFrom);
      this.zoneFrom = 0;
    }
  }

  /**
   * Whether the folded line beginning `s[from, to)` can be left unread: a property kept nowhere,
   * without parameters, inside a calendar — what {@link line} would do nothing with. Its name must
   * end on this first physical line (a ":" there), as the unfolded line's would.
   */
  private ignored(s: string, from: number, to: number): boolean {
    if (this.after || this.open.length === 0) return false;
    let at = from;
    for (; at < to; at++) {
      const c = s.charCodeAt(at);
      if (c === 58 || c === 59) break; // ":" or ";"
    }
    return at < to && s.charCodeAt(at) === 58 && propOf(s, from, at) === Prop.Other;
  }

  /** One content line, `s[from, to)`, unfolded. */
  private line(s: string, from: number, to: number, folded: boolean): void {
    if (this.after) {
      // After a calendar: another one, or text that a mail client or web server added.
      const head = to - from;
      if ((head >= 5 && sameName(s, from, "begin")) || (head >= 3 && sameName(s, from, "end"))) {
        if (this.junk || folded || to - from !== 15 || !sameName(s, from, "begin:vcalendar")) decline();
        this.after = false;
      } else {
        this.junk = true;
        return;
      }
    }
    let at = from;
    for (; at < to; at++) {
      const c = s.charCodeAt(at);
      if (c === 58 || c === 59) break; // ":" or ";"
    }
    if (at === to) decline();
    const kind = propOf(s, from, at);
    const hasParams = s.charCodeAt(at) === 59;
    if (kind === Prop.Begin || kind === Prop.End) {
      if (hasParams || folded) decline();
      if (kind === Prop.Begin) this.begin(s, at + 1, to);
      else this.end(s, at + 1, to);
      return;
    }
    if (this.open.length === 0) decline();
    const params = hasParams ? this.params(s, at, to) : undefined;
    const valueAt = params ? this.valueAt : at + 1;
    const depth = this.open.length;
    if (this.event && depth === 2 && this.eventProperty(kind, s, valueAt, to, params)) return;
    if (depth === 1 && kind === Prop.CalScale) {
      if (params?.value !== undefined) decline();
      if (unescapeText(s.slice(valueAt, to)).trim().toUpperCase() !== "GREGORIAN") decline();
      return;
    }
    if (depth === 1 && kind === Prop.WrTimezone) {
      if (params) decline();
      const zone = s.slice(valueAt, to).trim();
      if (zone) this.parsed.defaultZone = this.keep(zone);
      return;
    }
    // Elsewhere only whether ical.js would refuse the line matters.
    if (kind === Prop.RRule || kind === Prop.ExRule) {
      if (params?.value !== undefined) decline();
      recurFromIcal.fromICAL(s.slice(valueAt, to));
    } else if (params?.value !== undefined || kind === Prop.FreeBusy) {
      ICAL.parse.property(s.slice(from, to));
    }
  }

  /** BEGIN of the component named `s[from, to)`. */
  private begin(s: string, from: number, to: number): void {
    const name = componentName(s, from, to);
    const { open } = this;
    if (open.length === 0 && name !== "vcalendar") decline();
    if (open.length === 1 && open[0] === "vcalendar") {
      if (name === "vevent") {
        this.event = newEvent(this.eventCount++);
        this.titleFrom = -1;
      } else if (name === "vtimezone") this.zoneFrom = this.lineFrom;
    }
    open.push(name);
  }

  /** END of the component named `s[from, to)` (spaces around it allowed): it must close the last BEGIN. */
  private end(s: string, from: number, to: number): void {
    const { open } = this;
    const name = open.pop();
    if (name === undefined || !closes(s, from, to, name)) decline();
    if (open.length === 0) {
      this.after = true;
      return;
    }
    if (open.length !== 1 || open[0] !== "vcalendar") return;
    if (name === "vevent" && this.event) {
      const event = this.event;
      // The title names a rule's problems, and only those: read for an event with a rule.
      if (event.rrules.length === 0) event.title = undefined;
      else if (this.titleFrom >= 0) {
        event.title = this.keep(unescapeText(this.text.slice(this.titleFrom, this.titleTo)));
      }
      const read = finish(event);
      if (SimpleEvents.holds(read)) this.simple.add(read);
      else this.parsed.events.push(read);
      this.event = undefined;
    } else if (name === "vtimezone" && this.zoneFrom >= 0) {
      const zone = this.keep(this.zoneText + this.text.slice(this.zoneFrom, this.lineTo));
      this.zoneText = "";
      const component = ICAL.parse(zone) as [string, [string, unknown, string, unknown][]];
      const tzid = component[1].find((p) => p[0] === "tzid")?.[3];
      if (typeof tzid === "string") this.parsed.timezones.set(tzid, component);
      this.zoneFrom = -1;
    }
  }

  /**
   * The parameters from `content[at]` (a ";") to the ":" before the value, in the shapes ical.js
   * reads the same way: `NAME=value` or `NAME="quoted value"`; any other shape is declined.
   */
  private params(s: string, at: number, to: number): Params {
    const result = this.lineParams;
    result.tzid = undefined;
    result.value = undefined;
    result.range = undefined;
    let i = at;
    while (s.charCodeAt(i) === 59) {
      const nameFrom = i + 1;
      let j = nameFrom;
      for (; j < to; j++) {
        const c = s.charCodeAt(j);
        const word = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
        if (!word) break;
      }
      if (j === nameFrom || j === to || s.charCodeAt(j) !== 61) decline(); // "="
      let valueFrom: number;
      let valueTo: number;
      if (s.charCodeAt(j + 1) === 34) {
        valueFrom = j + 2;
        valueTo = s.indexOf('"', valueFrom);
        if (valueTo < 0 || valueTo >= to) decline();
        if (holds(s, valueFrom, valueTo, 94)) decline(); // "^": RFC 6868 escapes
        i = valueTo + 1;
        const c = s.charCodeAt(i);
        if (i >= to || (c !== 59 && c !== 58)) decline();
      } else {
        valueFrom = j + 1;
        let k = valueFrom;
        for (; k < to; k++) {
          const c = s.charCodeAt(k);
          if (c === 59 || c === 58) break;
          if (c === 34 || c === 94 || c === 92) decline(); // '"', "^", "\\"
        }
        if (k === to) decline();
        valueTo = k;
        i = k;
      }
      const length = j - nameFrom;
      if (length === 4 && sameName(s, nameFrom, "tzid")) result.tzid = this.zoneName(s, valueFrom, valueTo);
      else if (length === 5 && sameName(s, nameFrom, "value")) {
        result.value = paramValue(s, valueFrom, valueTo).toLowerCase();
      } else if (length === 5 && sameName(s, nameFrom, "range")) {
        result.range = paramValue(s, valueFrom, valueTo);
      }
    }
    this.valueAt = i + 1;
    return result;
  }

  /**
   * The TZID `s[from, to)`: one string per name (files repeat a few), so the expansion's lookups by
   * zone hash each name once. Compared in place, character by character, with the names seen so far.
   */
  private zoneName(s: string, from: number, to: number): string {
    const { zoneNames } = this;
    const length = to - from;
    for (let z = 0; z < zoneNames.length; z++) {
      const name = zoneNames[z] as string;
      if (name.length === length && sameText(s, from, name)) return name;
    }
    const name = this.keep(paramValue(s, from, to));
    if (zoneNames.length < MAX_ZONE_NAMES) zoneNames.push(name);
    return name;
  }

  /** An RRULE value read, or the same record as for the same text before. */
  private rule(raw: string): RecurData {
    let rule = this.rules.get(raw);
    if (rule === undefined) {
      const kept = this.keep(raw);
      rule = recur(kept);
      if (this.rules.size < MAX_RULES) this.rules.set(kept, rule);
    }
    return rule;
  }

  /** Reads one property of a VEVENT, its value `s[from, to)`; false for one it does not keep. */
  private eventProperty(kind: Prop, s: string, from: number, to: number, params: Params | undefined) {
    const event = this.event as Building;
    const tzid = params?.tzid;
    switch (kind) {
      case Prop.Uid:
        event.uid = this.keep(unescapeText(s.slice(from, to)));
        break;
      case Prop.Summary:
        // Kept as where it lies, read at the END of an event with a rule (see {@link end}).
        if (s === this.text) {
          this.titleFrom = from;
          this.titleTo = to;
        } else {
          event.title = this.keep(unescapeText(s.slice(from, to))); // a folded line: its own text
          this.titleFrom = -1;
        }
        break;
      case Prop.DtStart:
        event.start = time(s, from, to, params, tzid);
        break;
      case Prop.DtEnd:
        event.end = time(s, from, to, params, tzid);
        break;
      case Prop.RecurrenceId:
        event.recurrenceId = time(s, from, to, params, tzid);
        event.thisAndFuture = (params?.range ?? "").toUpperCase() === "THISANDFUTURE";
        break;
      case Prop.Sequence:
        if (params?.value !== undefined) decline();
        // biome-ignore lint/correctness/useParseIntRadix: ical.js reads an INTEGER so ("0x10" is 16)
        event.sequence = Number.parseInt(s.slice(from, to)) || 0;
        break;
      case Prop.Duration:
        if (params?.value !== undefined) decline();
        event.duration = readDuration(s.slice(from, to)) ?? decline();
        break;
      case Prop.RRule:
        if (params?.value !== undefined) decline();
        event.rrules = append(event.rrules, this.rule(s.slice(from, to)));
        break;
      case Prop.ExDate:
        for (let at = from; at <= to; ) {
          let comma = s.indexOf(",", at);
          if (comma < 0 || comma > to) comma = to;
          event.exdates = append(event.exdates, time(s, at, comma, params, tzid));
          at = comma + 1;
        }
        if (holds(s, from, to, 92)) decline(); // "\\": an escaped comma
        break;
      case Prop.RDate: {
        const value = s.slice(from, to);
        if (value.indexOf("\\") >= 0 || value === "") decline();
        for (const item of value.split(",")) event.rdates = append(event.rdates, rdate(item, value, tzid));
        break;
      }
      case Prop.Transp:
        if (params?.value !== undefined) decline();
        event.transparent = unescapeText(s.slice(from, to)).toUpperCase() === "TRANSPARENT";
        break;
      case Prop.Status:
        if (params?.value !== undefined) decline();
        event.cancelled = unescapeText(s.slice(from, to)).toUpperCase() === "CANCELLED";
        break;
      default:
        return false;
    }
    return true;
  }
}

/** A parameter's value (its quotes off); one with a backslash, which ical.js unescapes, is declined. */
function paramValue(s: string, from: number, to: number): string {
  if (holds(s, from, to, 92)) decline();
  return s.slice(from, to);
}

/** Whether `s[from, to)` holds the character `code`. */
function holds(s: string, from: number, to: number, code: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === code) return true;
  return false;
}

/** The list of an event that has none of a property: one shared, frozen, empty array (most have none). */
const NONE = Object.freeze([]) as never[];

/** `list` with `item` at its end: a new array in place of {@link NONE}. */
function append<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  list.push(item);
  return list;
}

/** Component names most files hold, as the reader keeps them (lower case). */
const COMMON_COMPONENTS = ["vevent", "vtimezone", "vcalendar", "valarm", "standard", "daylight"];

/** The name of a component, `s[from, to)`, in lower case; a name that is not [A-Za-z0-9-]+ is declined. */
function componentName(s: string, from: number, to: number): string {
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
function closes(s: string, from: number, to: number, name: string): boolean {
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

function newEvent(index: number): Building {
  return {
    uid: "",
    title: undefined,
    sequence: 0,
    index,
    start: undefined,
    end: undefined,
    duration: undefined,
    rrules: NONE,
    rdates: NONE,
    exdates: NONE,
    recurrenceId: undefined,
    thisAndFuture: false,
    transparent: false,
    cancelled: false,
  };
}

function finish(event: Building): IcsEvent {
  if (!event.uid) event.uid = `#${event.index + 1}`;
  if (!event.start) decline();
  return event as IcsEvent;
}

/** A DATE or DATE-TIME value (the VALUE parameter picks which; DATE-TIME when absent). */
function time(s: string, from: number, to: number, params: Params | undefined, tzid: string | undefined) {
  const type = params?.value;
  if (type !== undefined && type !== "date" && type !== "date-time") decline();
  return readIcalTime(s, from, to, type === "date" ? "date" : "date-time", tzid) ?? decline();
}

/** One RDATE value: its type is guessed from the whole property's value, as ical.js guesses it. */
function rdate(item: string, whole: string, tzid: string | undefined) {
  if (whole.indexOf("/") < 0) {
    const type = whole.indexOf("T") < 0 ? "date" : "date-time";
    const at = readIcalTime(item, 0, item.length, type, tzid) ?? decline();
    return { time: at, end: undefined, duration: undefined };
  }
  const parts = item.split("/");
  if (parts.length !== 2) decline();
  const [from, to] = parts as [string, string];
  const start = readTime(jcalDateTime(from), tzid) ?? decline();
  const endValue = ICAL.Duration.isValueString(to) ? to : jcalDateTime(to);
  if (/^[+-]?P/.test(endValue)) {
    return { time: start, end: undefined, duration: readDuration(endValue) ?? decline() };
  }
  return { time: start, end: readTime(endValue, tzid) ?? decline(), duration: undefined };
}

/** ical.js's BYDAY value pattern (`MO`, `-1FR`, `+2SU`). */
const BYDAY_PART = /^([+-])?(5[0-3]|[1-4][0-9]|[1-9])?(SU|MO|TU|WE|TH|FR|SA)$/;

/**
 * The rule parts of an RRULE value as ical.js reads them (`Recur._stringToData`): the usual parts
 * (FREQ, INTERVAL, COUNT, UNTIL, BYDAY, as written by calendar apps) here, any other through ical.js.
 */
function ruleParts(raw: string): Record<string, unknown> {
  const dict: Record<string, unknown> = {};
  for (const part of raw.split(";")) {
    const [name, value] = part.split("=");
    if (value === undefined) return recurFromIcal.fromICAL(raw);
    if (name === "FREQ") {
      if (!FREQUENCIES.has(value)) decline();
      dict.freq = value;
    } else if (name === "COUNT" || name === "INTERVAL") {
      const n = Number.parseInt(value, 10);
      if (Number.isNaN(n)) decline();
      if (name === "COUNT") dict.count = n;
      else dict.interval = Math.max(1, n);
    } else if (name === "UNTIL") dict.until = value.length > 10 ? jcalDateTime(value) : jcalDate(value);
    else if (name === "BYDAY") {
      const days = [...new Set(value.split(","))];
      if (!days.every((day) => BYDAY_PART.test(day))) decline();
      dict.byday = days.length === 1 ? days[0] : days;
    } else return recurFromIcal.fromICAL(raw);
  }
  return dict;
}

function recur(raw: string): RecurData {
  const value = ruleParts(raw);
  const freq = typeof value.freq === "string" ? value.freq.toUpperCase() : "";
  if (value.rscale !== undefined || !FREQUENCIES.has(freq)) decline();
  if (value.until !== undefined && !readTime(value.until, undefined)) decline();
  return { ...value, freq };
}
