import type { Advice, AdviceInput, AdviceReason, RuleName, Rules } from "../../contracts/agreement";
import { HOUR_MS, type Instant } from "../time";
import { KIND_NAMES, plural } from "./catalog";
import {
  type AdvisorParticipant,
  describeWorkingTime,
  meetingLength,
  recipientsOf,
  replyBy,
  sharedWorkingMs,
} from "./next-step";
import type { RuleSources } from "./rules";

export type AdvisorQuestion = Pick<
  AdviceInput,
  "purpose" | "kind" | "sensitivity" | "urgency" | "complexity"
>;

export interface AdvisorContext {
  /** The effective rules (see `effectiveRules`). */
  rules: Rules;
  participants: readonly AdvisorParticipant[];
  /** Who asks: left out of the reply-by, since nobody replies to themselves. */
  authorId?: string;
  /** When the request would go out, epoch milliseconds. */
  at: Instant;
  /** Where each rule came from, to say "the team agreement" rather than "the agreement". */
  sources?: Partial<RuleSources>;
}

type Mode = Advice["mode"];
interface Decision {
  mode: Mode;
  reasons: AdviceReason[];
}

const LIVE_MINIMUM_MS = HOUR_MS / 2;
const MEETING_MINIMUM_MS = HOUR_MS;

const PURPOSE_REASON: Record<AdviceInput["purpose"], string> = {
  inform: "Sharing information works well in writing.",
  discuss: "A discussion that is not complex works well in writing.",
  decide: "A decision that is not complex can be made in writing: a proposal with a reply-by.",
  brainstorm: "Brainstorming works best live.",
  bond: "Building connection works best live.",
  feedback: "Feedback works well in writing, where people can answer with thought.",
};

function agreementSays(ctx: AdvisorContext, rule: RuleName): string {
  const source = ctx.sources?.[rule];
  if (source === "team") return "The team agreement says";
  if (source === "org") return "The organisation's agreement says";
  return "The agreement says";
}

const overlapText = (shared: number) =>
  `The participants share ${describeWorkingTime(shared)} in the next 7 days`;

/** Step 2: personal and confidential conversations are live when the participants can meet. */
function sensitiveStep(question: AdvisorQuestion, ctx: AdvisorContext, shared: number): Decision | undefined {
  const { sensitivity } = question;
  if ((sensitivity !== "personal" && sensitivity !== "confidential") || !ctx.rules.sensitiveIsLive) return;
  const rule: AdviceReason = {
    ruleId: "sensitiveIsLive",
    text: `${agreementSays(ctx, "sensitiveIsLive")} ${sensitivity} conversations happen live (sensitiveIsLive).`,
  };
  if (shared >= LIVE_MINIMUM_MS) {
    return {
      mode: "sync",
      reasons: [rule, { ruleId: "overlap", text: `${overlapText(shared)}, enough to meet.` }],
    };
  }
  const text = `${overlapText(shared)}, less than the half hour a live conversation needs: write first, then meet briefly.`;
  return { mode: "hybrid", reasons: [rule, { ruleId: "overlap", text }] };
}

/** Step 3: kinds and purposes the agreement sends async. */
function asyncByRuleStep(question: AdvisorQuestion, ctx: AdvisorContext): Decision | undefined {
  const { kind, purpose } = question;
  if (kind && ctx.rules.preferAsync.includes(kind)) {
    const text = `${agreementSays(ctx, "preferAsync")} ${KIND_NAMES[kind].many} work better async (preferAsync).`;
    return { mode: "async", reasons: [{ ruleId: "preferAsync", text }] };
  }
  if (purpose === "inform" && ctx.rules.informIsAsync) {
    const text = `${agreementSays(ctx, "informIsAsync")} updates that only inform go async (informIsAsync).`;
    return { mode: "async", reasons: [{ ruleId: "informIsAsync", text }] };
  }
}

/** Steps 4–6: shared working time, then urgency, then purpose and complexity. */
function overlapAndPurposeStep(question: AdvisorQuestion, shared: number): Decision {
  const { purpose, complexity } = question;
  const lively = purpose === "brainstorm" || purpose === "bond";
  if (shared < MEETING_MINIMUM_MS) {
    const text = lively
      ? `${overlapText(shared)}, under 1 hour: start in writing, then meet briefly.`
      : `${overlapText(shared)}, under 1 hour, too little to meet: this goes async.`;
    return { mode: lively ? "hybrid" : "async", reasons: [{ ruleId: "overlap", text }] };
  }
  const overlap: AdviceReason = { ruleId: "overlap", text: `${overlapText(shared)}, enough to meet.` };
  if (question.urgency === "urgent" && complexity === "high") {
    const text = "It is urgent and complex: a live conversation settles it fastest.";
    return { mode: "sync", reasons: [overlap, { ruleId: "urgency", text }] };
  }
  if (lively) {
    return { mode: "sync", reasons: [overlap, { ruleId: "purpose", text: PURPOSE_REASON[purpose] }] };
  }
  if ((purpose === "decide" || purpose === "discuss") && complexity === "high") {
    const text = `A complex ${purpose === "decide" ? "decision" : "discussion"} needs a written pre-read, then a short meeting.`;
    return { mode: "hybrid", reasons: [overlap, { ruleId: "purpose", text }] };
  }
  return { mode: "async", reasons: [overlap, { ruleId: "purpose", text: PURPOSE_REASON[purpose] }] };
}

/** The precedence, first match wins; S is measured only once step 1 has not matched. */
function decide(question: AdvisorQuestion, ctx: AdvisorContext): Decision {
  const { kind } = question;
  if (kind && ctx.rules.mustBeLive.includes(kind)) {
    const text = `${agreementSays(ctx, "mustBeLive")} ${KIND_NAMES[kind].many} are always live (mustBeLive).`;
    return { mode: "sync", reasons: [{ ruleId: "mustBeLive", text }] };
  }
  const shared = sharedWorkingMs(ctx.participants, ctx.at);
  return (
    sensitiveStep(question, ctx, shared) ??
    asyncByRuleStep(question, ctx) ??
    overlapAndPurposeStep(question, shared)
  );
}

const nameOf = (participant: AdvisorParticipant) => participant.name ?? participant.personId;

function asyncStep(question: AdvisorQuestion, ctx: AdvisorContext) {
  const urgency = question.urgency ?? "normal";
  const workingHours = ctx.rules.replyWithinWorkingHours[urgency];
  const recipients = recipientsOf(ctx.participants, ctx.authorId);
  const due = replyBy(recipients, ctx.at, workingHours);
  let text =
    `${agreementSays(ctx, "replyWithinWorkingHours")} ${urgency}-urgency replies are due within ` +
    `${plural(workingHours, "working hour")} of each recipient (replyWithinWorkingHours)`;
  if (due.last && recipients.length > 1) text += `; ${nameOf(due.last)} is the last to reach that`;
  if (due.unreachable.length > 0) {
    text += `; ${due.unreachable.map(nameOf).join(", ")} will not have that much working time in the next 30 days, so the reply-by leaves them out`;
  }
  const reason: AdviceReason = { ruleId: "replyWithinWorkingHours", text: `${text}.` };
  const step = {
    replyBy: new Date(due.replyBy).toISOString(),
    workingHours,
    recipients: due.recipients.map((r) => ({
      personId: r.participant.personId,
      replyBy: r.replyBy === null ? null : new Date(r.replyBy).toISOString(),
    })),
  };
  return { step, reason };
}

function syncStep(mode: "sync" | "hybrid", question: AdvisorQuestion, ctx: AdvisorContext) {
  const { maxMeetingMinutes } = ctx.rules;
  const length = meetingLength(mode, question.complexity, maxMeetingMinutes);
  const reasons: AdviceReason[] = length.capped
    ? [
        {
          ruleId: "maxMeetingMinutes",
          text: `${agreementSays(ctx, "maxMeetingMinutes")} meetings last at most ${plural(maxMeetingMinutes, "minute")} (maxMeetingMinutes).`,
        },
      ]
    : [];
  return { step: { durationMinutes: length.minutes }, reasons };
}

/**
 * Sync, async or hybrid for `question`, with the reasons (each citing a rule or a fact) and the next
 * step. Precedence, first match wins: mustBeLive → sensitiveIsLive → preferAsync / informIsAsync →
 * little shared working time → urgent and complex → purpose and complexity.
 */
export function advise(question: AdvisorQuestion, ctx: AdvisorContext): Advice {
  if (ctx.participants.length === 0) throw new RangeError("advice needs at least one participant");
  const { mode, reasons } = decide(question, ctx);
  const next: Advice["next"] = {};
  if (mode !== "sync") {
    const { step, reason } = asyncStep(question, ctx);
    next.async = step;
    reasons.push(reason);
  }
  if (mode !== "async") {
    const { step, reasons: lengthReasons } = syncStep(mode, question, ctx);
    next.sync = step;
    reasons.push(...lengthReasons);
  }
  return { mode, reasons, next };
}
