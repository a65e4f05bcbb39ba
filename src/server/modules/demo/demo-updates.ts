import type { CreateUpdateBody } from "../../../contracts/updates";
import type { Deps } from "../../deps";
import { acknowledge, addComment, createUpdate, decide, markSeen, respond, toggleReaction } from "../updates";
import type { DemoCast } from "./demo-meetings";

const email = (first: string) => `${first}@northwind.example`;
const OLIVIA = email("olivia");
const HOUR_MS = 3_600_000;

/** A back-and-forth long enough to pass the agreement's 12 comments: the thread offers a meeting. */
const CI_DEBATE = [
  ["tom", "GitHub's hosted runners cost us less than keeping our own machines patched."],
  ["fatima", "Our integration tests need the GPU box; hosted runners cannot reach it."],
  ["tom", "We could run only the GPU suite on our own runner."],
  ["fatima", "Then we keep two setups, and the flaky one is ours."],
  ["tom", "Is it flaky, or is it the tests? Last month's failures were timeouts."],
  ["fatima", "Timeouts on our runner, because it is shared with the nightly builds."],
  ["tom", "So a second machine would fix it as well."],
  ["fatima", "A second machine is another thing to patch: your first point."],
  ["tom", "Fair. What does the hosted GPU option cost?"],
  ["fatima", "About twice our machine, but nobody is on call for it."],
  ["tom", "Twice is fine if it ends the pages at night."],
  ["fatima", "Not everyone on the team agrees it is worth it."],
  ["tom", "Then we should decide it together rather than here."],
] as const;

/**
 * The demo's async side, through the updates services as their people would post: a team status
 * with comments and reactions, a proposal waiting for Olivia's answer (on her Home) with one agree and
 * one disagree, a question to her, a decided proposal in the decision log, an announcement with
 * "Got it"s, and a thread whose long back-and-forth is stalled and offers a short meeting.
 * Completed meetings add their recaps to the feed themselves.
 */
export async function seedUpdates(deps: Deps, cast: DemoCast): Promise<number> {
  const by = (first: string) => cast.actor(email(first));
  const ids = (...firsts: string[]) => firsts.map((f) => cast.id(f === "olivia" ? OLIVIA : email(f)));
  const post = (first: string, body: CreateUpdateBody) => createUpdate(deps, by(first), body);
  const inHours = (hours: number) => new Date(deps.clock.now().getTime() + hours * HOUR_MS).toISOString();

  const status = await post("marcus", {
    kind: "status",
    title: "Product: where we are this week",
    body: "- Onboarding survey: **212 answers**, summary on Thursday\n- Pricing one-pager: draft started\n- Blocked: the billing sandbox is down (ticket open)\n\n@Elena Rodriguez, can you add the survey's top three themes?",
    audience: { teamId: cast.teamId("Product") },
  });
  const thanks = await addComment(deps, by("elena"), status.id, {
    body: "Adding them today: speed, price, integrations.",
  });
  await addComment(deps, by("marcus"), status.id, { body: "Thank you!", parentId: thanks.id });
  await toggleReaction(deps, by("elena"), status.id, "👍");
  await toggleReaction(deps, by("rafael"), status.id, "👍");
  await toggleReaction(deps, by("olivia"), status.id, "🎉");
  await markSeen(deps, by("olivia"), status.id);
  await markSeen(deps, by("rafael"), status.id);

  const proposal = await post("arjun", {
    kind: "proposal",
    title: "Move the release train to Wednesdays",
    body: "Mondays catch half the team before their week has started (Sydney and Auckland are already on Tuesday).\n\nProposal: **release on Wednesdays at 10:00 UTC**, freeze on Tuesday evening.",
    audience: { teamId: cast.teamId("Platform"), personIds: ids("olivia") },
    requiredResponderIds: ids("olivia", "priya", "kenji"),
    decisionDue: inHours(72),
    links: [{ type: "document", id: cast.documentId("Release checklist") }],
  });
  await respond(deps, by("priya"), proposal.id, {
    stance: "agree",
    comment: "Wednesday is my best overlap with Tokyo.",
  });
  await respond(deps, by("kenji"), proposal.id, {
    stance: "disagree",
    comment: "Wednesday evening is late for me to watch a release.",
  });

  await post("hannah", {
    kind: "question",
    title: "Conference budget for the spring",
    body: "Three people asked to go to the spring conference. Can we approve **€4,500** for tickets and travel?",
    audience: { personIds: ids("olivia") },
    requiredResponderIds: ids("olivia"),
    urgency: "normal",
  });

  const pricing = await post("marcus", {
    kind: "proposal",
    title: "Adopt three pricing tiers",
    body: "Starter, Team and Organisation, priced per active person. Details in the one-pager.",
    audience: { teamId: cast.teamId("Product") },
    requiredResponderIds: ids("elena", "rafael"),
  });
  await respond(deps, by("elena"), pricing.id, { stance: "agree" });
  await respond(deps, by("rafael"), pricing.id, { stance: "agree", comment: "Yes, with a yearly discount." });
  await decide(deps, by("marcus"), pricing.id, {
    text: "We adopt Starter, Team and Organisation tiers from next quarter.",
  });

  const closure = await post("hannah", {
    kind: "announcement",
    title: "New expense policy from Monday",
    body: "Receipts go into the expenses app within **30 days**. The policy is on the Agreement page.",
    audience: { organisation: true },
    urgency: "low",
  });
  for (const first of ["olivia", "tom", "arjun", "chloe"]) await acknowledge(deps, by(first), closure.id);

  const ci = await post("tom", {
    kind: "question",
    title: "Which CI runners do we standardise on?",
    body: "Our own machines or hosted runners? We need one answer before the next quarter.",
    audience: { teamId: cast.teamId("Platform") },
  });
  for (const [first, body] of CI_DEBATE) await addComment(deps, by(first), ci.id, { body });
  return 6;
}
