import type { UpdateView } from "../../../contracts/updates";
import { may } from "../../../core/access";
import { stallOf } from "../../../core/updates";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { renderMarkdown } from "../../platform/markdown";
import { effectiveRulesOf } from "../agreement";
import { resolveReferences } from "../documents";
import { decisionOfUpdate } from "./decisions.service";
import {
  acknowledgementsOf,
  commentsOf,
  linksOf,
  reactionsOf,
  responsesOf,
  seenOf,
  versionsOf,
} from "./detail.repo";
import { escalationOffer } from "./escalation-offer";
import type { UpdateAccess } from "./update-access";
import { presentSummaries } from "./updates.summary";

/**
 * The whole thread as `GET /updates/:id` answers it for this actor (comments, reactions,
 * acknowledgements, seen by — names for the author only —, responses and tally, decision, stalled
 * and the escalation offer, versions, links, what the actor may do). Never writes.
 */
export async function presentUpdate(
  db: Executor,
  deps: Pick<Deps, "clock" | "config">,
  actor: Actor,
  access: UpdateAccess,
): Promise<UpdateView> {
  const { update, facts } = access;
  const ref = { organisationId: update.organisationId, updateId: update.id };
  const now = deps.clock.now();
  const isAuthor = facts.authorOf;
  const [
    [summary],
    comments,
    reactions,
    acknowledgements,
    seen,
    responses,
    decision,
    versions,
    links,
    rules,
  ] = await Promise.all([
    presentSummaries(db, actor, [update], now),
    commentsOf(db, ref),
    reactionsOf(db, ref, actor.personId),
    acknowledgementsOf(db, ref),
    isAuthor ? seenOf(db, ref) : Promise.resolve([]),
    responsesOf(db, ref),
    decisionOfUpdate(db, actor, update.id),
    versionsOf(db, ref),
    linksOf(db, ref, actor.personId),
    effectiveRulesOf(db, update.organisationId, update.audienceTeamId),
  ]);
  if (!summary) throw new Error("presentUpdate: no summary");
  const tally = { agree: 0, disagree: 0, abstain: 0 };
  for (const r of responses) tally[r.stance] += 1;
  const open = update.closedAt === null;
  const stalled = stallOf({
    now: now.getTime(),
    kind: update.kind,
    closed: !open,
    replyBy: update.replyBy?.getTime() ?? null,
    missingAnswers: summary.responders.filter((r) => r.answeredAt === undefined).length,
    comments: comments.map((c) => ({ authorId: c.authorId })),
    escalateAfterComments: rules.escalateAfterComments,
    decisionDue: update.decisionDue?.getTime() ?? null,
    tally,
    decided: decision !== undefined,
  });
  const [escalation, references] = await Promise.all([
    stalled && open ? escalationOffer(db, deps, update) : undefined,
    // `[[Title]]` and pasted links in the body, comments and versions, resolved for this reader.
    resolveReferences(
      db,
      actor,
      [update.body, ...comments.map((c) => c.body), ...versions.map((v) => v.body)],
      deps.config.publicUrl,
    ),
  ]);
  return {
    ...summary,
    body: update.body,
    html: renderMarkdown(update.body, references),
    links,
    comments: comments.map((c) => ({
      ...c,
      html: renderMarkdown(c.body, references),
      createdAt: c.createdAt.toISOString(),
    })),
    reactions,
    acknowledgements: acknowledgements.map((a) => ({ ...a, at: a.at.toISOString() })),
    seenBy: seen.map((s) => ({ ...s, at: s.at.toISOString() })),
    responses: responses.map((r) => ({ ...r, at: r.at.toISOString() })),
    tally,
    ...(decision ? { decision } : {}),
    ...(stalled ? { stalled } : {}),
    ...(escalation ? { escalation } : {}),
    versions: versions.map((v) => ({
      ...v,
      html: renderMarkdown(v.body, references),
      at: v.at.toISOString(),
    })),
    can: {
      edit: open && may(actor, "update.edit", facts),
      delete: may(actor, "update.delete", facts),
      decide: open && decision === undefined && may(actor, "update.decide", facts),
      respond: open && update.kind === "proposal" && may(actor, "update.contribute", facts),
    },
  };
}
