/**
 * Field paths ("week.mon[0].end") in words a person reads ("Monday, first interval: end"), so a
 * validation message is a sentence; the path itself stays in `details.fields` for forms.
 */

import type { Weekday } from "./week";

/** Each weekday's name in words: field paths here, rule summaries in core/agreement. */
export const WEEKDAY_WORDS: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

const weekdayWord = (name: string): string | undefined =>
  (WEEKDAY_WORDS as Record<string, string | undefined>)[name];

const ORDINALS = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
];

/** Names whose words differ from the name; any other name is shown as it is. */
const NAME_WORDS: Record<string, string> = {
  timeZone: "time zone",
  personId: "person",
  managerId: "manager",
  teamId: "team",
  teamIds: "teams",
  templateId: "template",
  ics: "calendar file",
  url: "address",
  q: "search text",
  granularityMinutes: "step (minutes)",
  durationMinutes: "length (minutes)",
  weeklyHours: "weekly hours",
  meetingBudget: "meeting budget",
  maxAttendees: "most attendees",
  escalateAfterComments: "comments before a meeting is offered",
  notificationHours: "notification hours",
  replyBy: "reply-by",
  n: "version number",
  at: "time",
  startDate: "start date",
  endDate: "end date",
  ownerId: "owner",
  itemIds: "agenda items",
  baseVersion: "version you edited",
  personIds: "people",
  requiredResponderIds: "required responders",
  decisionDue: "decision deadline",
  preReadDocumentIds: "pre-read documents",
  recordingId: "recording",
  atMs: "moment in the video",
  participantIds: "participants",
  windowHours: "response window (hours)",
  localTime: "time",
  unblockerId: "person who can unblock",
  unblockerPrompt: "unblocker question",
  rotatingPrompts: "rotating questions",
  minGroupSize: "minimum group size",
  minTextGroupSize: "minimum group size for comments",
};

/** One element of a list, named after the list: members[1] → "second member". */
const ITEM_WORDS: Record<string, string> = {
  members: "member",
  attendees: "attendee",
  teamIds: "team",
  personIds: "person",
  required: "required person",
  optional: "optional person",
  questions: "question",
  items: "item",
  rows: "row",
  links: "link",
  requiredResponderIds: "required responder",
  preReadDocumentIds: "pre-read document",
};

type Segment = { name: string } | { index: number };

function segmentsOf(path: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push({ index: Number(match[2]) });
    else if (match[1] !== undefined)
      segments.push(/^\d+$/.test(match[1]) ? { index: Number(match[1]) } : { name: match[1] });
  }
  return segments;
}

const ordinal = (index: number) => ORDINALS[index] ?? `number ${index + 1}`;

function itemWord(list: string | undefined): string {
  if (list === undefined) return "item";
  if (weekdayWord(list)) return "interval";
  return ITEM_WORDS[list] ?? "item";
}

/** Each segment in words, and whether the last one is a field's name (it then begins the message). */
function wordsOf(path: string): { parts: string[]; lastIsName: boolean } {
  const segments = segmentsOf(path);
  const parts: string[] = [];
  segments.forEach((segment, i) => {
    const next = segments[i + 1];
    if ("index" in segment) {
      const list = segments[i - 1];
      parts.push(`${ordinal(segment.index)} ${itemWord(list && "name" in list ? list.name : undefined)}`);
      return;
    }
    const weekday = weekdayWord(segment.name);
    if (weekday) {
      parts.push(weekday);
      return;
    }
    if (segment.name === "week" && next && "name" in next && weekdayWord(next.name)) return;
    if (next && "index" in next && ITEM_WORDS[segment.name]) return;
    parts.push(NAME_WORDS[segment.name] ?? camelToWords(segment.name));
  });
  const last = segments.at(-1);
  const lastIsName = !!last && "name" in last && !weekdayWord(last.name);
  return { parts, lastIsName };
}

/** "clockFormat" → "clock format". */
const camelToWords = (name: string) => name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

/** "week.mon[0].end" → "Monday, first interval, end". */
export function fieldInWords(path: string): string {
  return capitalise(wordsOf(path).parts.join(", "));
}

/** Paths with an index, as messages from `core` name them ("week.tue[0]"); emails and zones never match. */
const PATH_IN_TEXT = /\b[a-zA-Z]\w*(?:\.[a-zA-Z]\w*)*\[\d+\](?:\[\d+\]|\.[a-zA-Z]\w*)*/g;

/** A path inside a message, said relative to the field's own: "week.tue[0]" beside "week.tue[1]" → "the first interval". */
function relativeWords(embedded: string, own: string): string {
  const mine = segmentsOf(own);
  const theirs = segmentsOf(embedded);
  let shared = 0;
  while (shared < theirs.length - 1 && JSON.stringify(theirs[shared]) === JSON.stringify(mine[shared]))
    shared++;
  const sharedWords = shared === 0 ? 0 : wordsOf(pathOf(theirs.slice(0, shared))).parts.length;
  return `the ${wordsOf(embedded).parts.slice(sharedWords).join(", ")}`;
}

function pathOf(segments: Segment[]): string {
  return segments.map((s, i) => ("index" in s ? `[${s.index}]` : i === 0 ? s.name : `.${s.name}`)).join("");
}

/** A message that goes on from the field's name ("must …", "is …"); any other is put after a colon. */
const PREDICATE = /^(\([^)]*\) )?(must|is|are|has|have|appears|overlaps|cannot|may|needs|does)\b/;

/**
 * The sentence for one field's problem: `("week.mon[0].end", "must be after start")` →
 * "Monday, first interval: end must be after start". A message that repeats the path, or names
 * other paths, has them put in words too; a message that is a sentence already (it begins with a
 * capital) stands alone, without the field's id it may cite ("(maxAttendees)").
 */
export function fieldSentence(path: string, message: string): string {
  const own = message.startsWith(path) ? message.slice(path.length).trimStart() : message;
  const text = own.replace(PATH_IN_TEXT, (found) => relativeWords(found, path));
  if (/^[A-Z]/.test(text)) return withoutOwnId(text, path);
  const { parts, lastIsName } = wordsOf(path);
  if (parts.length === 0) return capitalise(text);
  if (!PREDICATE.test(text)) return `${capitalise(parts.join(", "))}: ${text}`;
  if (!lastIsName) return `${capitalise(parts.join(", "))} ${text}`;
  const subject = parts.at(-1) as string;
  const context = parts.slice(0, -1);
  if (context.length === 0) return `${capitalise(subject)} ${text}`;
  return `${capitalise(context.join(", "))}: ${subject} ${text}`;
}

/** "The team's most attendees (maxAttendees) of 30" → "The team's most attendees of 30". */
function withoutOwnId(text: string, path: string): string {
  const last = segmentsOf(path).at(-1);
  if (!last || !("name" in last)) return text;
  return text.replace(new RegExp(` \\(${last.name}(: [^)]*)?\\)`, "g"), "");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
