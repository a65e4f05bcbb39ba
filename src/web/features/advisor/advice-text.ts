import type { Advice, AdviceReason, PURPOSES } from "../../../contracts/agreement";
import { instantToLocal } from "../../../core/time";
import { formatDateTime, formatTime } from "../../lib/time";
import { ruleLabel } from "../agreement";

/** The advisor's answer in words a person would use. */

export type Purpose = (typeof PURPOSES)[number];

export const MODE_WORDS: Record<Advice["mode"], string> = {
  sync: "Meet live",
  async: "Write it async",
  hybrid: "Write first, then meet briefly",
};

export const PURPOSE_CHOICES: { value: Purpose; label: string; description: string }[] = [
  { value: "inform", label: "Inform", description: "Share news or a status; nobody has to decide anything." },
  { value: "discuss", label: "Discuss", description: "Talk something through and hear everyone's views." },
  { value: "decide", label: "Decide", description: "Choose between options and record the decision." },
  { value: "brainstorm", label: "Brainstorm", description: "Come up with ideas together." },
  { value: "bond", label: "Bond", description: "Get to know each other, celebrate, keep in touch." },
  { value: "feedback", label: "Feedback", description: "Give or ask for feedback on work." },
];

const FACT_TAGS: Record<string, string> = {
  overlap: "shared hours",
  purpose: "purpose",
  urgency: "urgency",
};

/** Rule reasons cite a rule of the agreement; the others a fact about this request. */
export const isRule = (reason: AdviceReason) => !(reason.ruleId in FACT_TAGS);

/** The small tag beside a reason: the rule's label ("Always live"), or the kind of fact. */
export const reasonTag = (reason: AdviceReason) => FACT_TAGS[reason.ruleId] ?? ruleLabel(reason.ruleId);

/** The reason's sentence without the "(ruleName)" the server appends: the tag beside it says that. */
export const reasonText = (reason: AdviceReason) => reason.text.replace(` (${reason.ruleId})`, "");

export interface ZonedPerson {
  name: string;
  timeZone: string;
}

/**
 * The reply-by in the viewer's zone, and one line per other local time among the participants:
 * "Kenji Sato, Ana Lima: Thu 15 Jan, 12:30 their time".
 */
export function replyByLines(replyBy: string, viewerZone: string, participants: ZonedPerson[]) {
  const mine = formatDateTime(replyBy, viewerZone);
  const byLocal = new Map<string, string[]>();
  for (const p of participants) {
    const theirs = formatDateTime(replyBy, p.timeZone);
    if (theirs === mine) continue;
    byLocal.set(theirs, [...(byLocal.get(theirs) ?? []), p.name]);
  }
  return { mine, others: [...byLocal].map(([local, names]) => `${names.join(", ")}: ${local} their time`) };
}

export interface RecipientDue {
  personId: string;
  replyBy: string | null;
}

const sameLocalDate = (when: string, a: string, b: string) =>
  instantToLocal(a, Date.parse(when)).date === instantToLocal(b, Date.parse(when)).date;

/**
 * One line per recipient with their own deadline in the viewer's zone and, when their clock reads
 * differently, on their clock: "Priya: reply by Thu 7 May, 17:00 (21:30 their time)".
 */
export function recipientLines(
  recipients: RecipientDue[],
  viewer: { personId: string; zone: string },
  people: ReadonlyMap<string, ZonedPerson>,
): string[] {
  return recipients.map(({ personId, replyBy }) => {
    const person = people.get(personId);
    const name = personId === viewer.personId ? "You" : (person?.name ?? "Someone");
    if (replyBy === null) return `${name}: no reply-by, not enough working time in the next 30 days`;
    const mine = formatDateTime(replyBy, viewer.zone);
    const zone = person?.timeZone ?? viewer.zone;
    const theirs = formatDateTime(replyBy, zone);
    if (theirs === mine || personId === viewer.personId) return `${name}: reply by ${mine}`;
    const local = sameLocalDate(replyBy, zone, viewer.zone) ? formatTime(replyBy, zone) : theirs;
    return `${name}: reply by ${mine} (${local} their time)`;
  });
}

/** A starting text for the written update the advisor recommends. */
export function draftUpdate(args: {
  purpose: Purpose;
  replyBy: string;
  workingHours: number;
  viewerZone: string;
  participants: ZonedPerson[];
}): string {
  const { mine, others } = replyByLines(args.replyBy, args.viewerZone, args.participants);
  const ask: Record<Purpose, string> = {
    inform: "Nothing needed from you beyond reading it; questions welcome in the replies.",
    discuss: "Your view on: …",
    decide: "Your choice between: … (say if you cannot live with an option)",
    brainstorm: "Your ideas on: …",
    bond: "A line about: …",
    feedback: "Your feedback on: …",
  };
  return [
    "[One line: what this is about]",
    "",
    "Context: …",
    "",
    `What I need from you: ${ask[args.purpose]}`,
    "",
    `Please reply by ${mine} (${args.viewerZone}), ${args.workingHours} working hours for each of you.`,
    ...others.map((line) => `(${line})`),
  ].join("\n");
}
