import ICAL from "ical.js";
import { append, EventDraft } from "./reader-event";
import {
  closes,
  componentName,
  decline,
  holds,
  isFold,
  Prop,
  paramValue,
  propAt,
  propOf,
  sameName,
  unescapeText,
} from "./reader-text";
import { type Params, rdate, recur, recurFromIcal, time, timeInto } from "./reader-values";
import { ZoneNames } from "./reader-zones";
import { SimpleEvents } from "./simple-events";
import type { ParsedCalendar, RecurData } from "./types";
import { readDuration } from "./values";

/** RRULE texts kept to be read once: far above the few a calendar repeats. */
const MAX_RULES = 1024;

/**
 * The one pass itself: content lines read as they come (a whole text, or chunk after chunk), the
 * VEVENTs built as they are read, the VTIMEZONE blocks cut out for ical.js; see {@link readQuickly}.
 */
export class Reader {
  private readonly parsed: ParsedCalendar;
  /** Names of the open components, outermost first, in lower case. */
  private readonly open: string[] = [];
  /** The VEVENT being read (see {@link EventDraft}), when {@link inEvent}. */
  private readonly event = new EventDraft();
  private inEvent = false;
  /** Where the SUMMARY value of the event being read lies in the text (-1: none, or read already). */
  private titleFrom = -1;
  private titleTo = -1;
  private zoneFrom = -1;
  private after = false;
  private junk = false;
  /** Where the current logical line begins in the text, and where its last physical line ends. */
  private lineFrom = 0;
  private lineTo = 0;
  /** The TZIDs met so far. */
  private readonly zones: ZoneNames;
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
    /** What joins strings cut from the text into one that keeps nothing else alive (see {@link SimpleEvents.keepUids}). */
    private readonly join: (list: string[]) => string,
  ) {
    this.parsed = { events: [], simple: this.simple, timezones: new Map(), lineOfEvent };
    this.zones = new ZoneNames(keep);
  }

  /** The calendar read, once every chunk was given. */
  done(): ParsedCalendar {
    if (this.open.length > 0 || !this.after) decline();
    this.simple.keepUids(this.join);
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
    this.simple.keepUids(this.join);
    if (this.inEvent) this.event.uid = this.keep(this.event.uid);
    if (this.inEvent && this.titleFrom >= 0) {
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
    const known = propAt(s, from, to);
    let at: number;
    let kind: Prop;
    if (known >= 0) {
      at = from + (known >> 5);
      kind = known & 31;
    } else {
      for (at = from; at < to; at++) {
        const c = s.charCodeAt(at);
        if (c === 58 || c === 59) break; // ":" or ";"
      }
      if (at === to) decline();
      kind = propOf(s, from, at);
    }
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
    if (this.inEvent && depth === 2 && this.eventProperty(kind, s, valueAt, to, params)) return;
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
        this.event.reset(this.eventCount++);
        this.inEvent = true;
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
    if (name === "vevent" && this.inEvent) {
      const event = this.event;
      // The title names a rule's problems, and only those: read for an event with a rule.
      if (event.rrules.length === 0) event.title = undefined;
      else if (this.titleFrom >= 0) {
        event.title = this.keep(unescapeText(this.text.slice(this.titleFrom, this.titleTo)));
      }
      event.finish();
      // A simple event's UID is kept with the others of its chunk (see {@link SimpleEvents.keepUids}).
      if (SimpleEvents.holds(event)) this.simple.add(event);
      else {
        event.uid = this.keep(event.uid);
        this.parsed.events.push(event.toEvent());
      }
      this.inEvent = false;
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
      if (j - nameFrom === 4 && sameName(s, nameFrom, "tzid")) {
        // Most TZIDs are one of the few names met already: matched in place, the value not scanned.
        const zone = this.zones.known(s, j + 1, to);
        if (zone !== undefined) {
          result.tzid = zone;
          i = j + 1 + zone.length;
          continue;
        }
      }
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
      if (length === 4 && sameName(s, nameFrom, "tzid")) result.tzid = this.zones.name(s, valueFrom, valueTo);
      else if (length === 5 && sameName(s, nameFrom, "value")) {
        result.value = paramValue(s, valueFrom, valueTo).toLowerCase();
      } else if (length === 5 && sameName(s, nameFrom, "range")) {
        result.range = paramValue(s, valueFrom, valueTo);
      }
    }
    this.valueAt = i + 1;
    return result;
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
    const { event } = this;
    const tzid = params?.tzid;
    switch (kind) {
      case Prop.Uid:
        // Kept at the END of the event (see {@link end}).
        event.uid = unescapeText(s.slice(from, to));
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
        timeInto(event.start, s, from, to, params?.value, tzid);
        event.hasStart = true;
        break;
      case Prop.DtEnd:
        timeInto(event.end, s, from, to, params?.value, tzid);
        event.hasEnd = true;
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
