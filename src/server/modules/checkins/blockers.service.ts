import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { BlockerStatus, BlockerView, blockersQuery } from "../../../contracts/checkins";
import { may } from "../../../core/access";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { notify } from "../notifications";
import { people } from "../people/people.table";
import { getTeamRow } from "../teams";
import { blockerViews } from "./blockers.present";
import { type CheckinRow, isLeadOf, type OccurrenceRow, participantIdsOf } from "./checkin-access";
import { checkinsChangedForInsights } from "./checkins.insights";
import { checkinBlockers, checkins } from "./checkins.table";

type BlockerRow = typeof checkinBlockers.$inferSelect;

export interface RaisedBlocker {
  occurrence: OccurrenceRow;
  checkin: CheckinRow;
  questionId: string;
  authorId: string;
  text: string;
  unblockerId: string | null;
  /** The answerer asked to reach the unblocker now, even outside their hours. */
  urgent: boolean;
}

/**
 * Records a blocker answer (one per occurrence and question: answering again replaces it) in the
 * answer's transaction, and tells the person named to unblock — when the blocker is new or names
 * someone else than before. Editing the text of a blocker keeps quiet: they were told already.
 * Naming someone else reopens a resolved blocker (it is theirs now). Nobody is told about themselves.
 */
export async function raiseBlocker(tx: Executor, deps: Deps, input: RaisedBlocker): Promise<void> {
  const { occurrence, checkin } = input;
  const now = deps.clock.now();
  // Insert first (race-free with the unique index); an existing row is then locked and changed.
  const [created] = await tx
    .insert(checkinBlockers)
    .values({
      organisationId: checkin.organisationId,
      checkinId: checkin.id,
      occurrenceId: occurrence.id,
      questionId: input.questionId,
      authorId: input.authorId,
      assigneeId: input.unblockerId,
      text: input.text,
      urgent: input.urgent,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  let blocker: BlockerRow | undefined = created;
  let told = created !== undefined;
  if (!created) {
    const where = and(
      eq(checkinBlockers.occurrenceId, occurrence.id),
      eq(checkinBlockers.questionId, input.questionId),
    );
    const [before] = await tx.select().from(checkinBlockers).where(where).for("update");
    if (!before) throw new Error("raiseBlocker: the blocker vanished while being replaced");
    const renamed = before.assigneeId !== input.unblockerId;
    [blocker] = await tx
      .update(checkinBlockers)
      .set({
        text: input.text,
        urgent: input.urgent,
        assigneeId: input.unblockerId,
        ...(renamed ? { status: "open" as const, resolvedAt: null, resolvedBy: null } : {}),
      })
      .where(where)
      .returning();
    told = renamed;
  }
  if (!blocker || !told || !input.unblockerId || input.unblockerId === input.authorId) return;
  await tellUnblocker(tx, deps, blocker, checkin, input.unblockerId);
}

/** "Ada is blocked and named you": inside their hours unless the answerer marked it urgent. */
async function tellUnblocker(
  tx: Executor,
  deps: Deps,
  blocker: BlockerRow,
  checkin: CheckinRow,
  unblockerId: string,
): Promise<void> {
  const [author] = await tx
    .select({ name: people.name })
    .from(people)
    .where(and(eq(people.organisationId, checkin.organisationId), eq(people.id, blocker.authorId)));
  const name = author?.name ?? "Someone";
  const quoted = blocker.text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  await notify(tx, deps, {
    organisationId: checkin.organisationId,
    recipients: [unblockerId],
    kind: "checkin.blocker",
    subject: `${name} is blocked and named you`,
    body: `${name} answered "${checkin.name}" with a blocker and named you as the one who can unblock:\n\n${quoted}\n\nResolve it on your open blockers when it is done.`,
    // Webhooks (a team channel) learn that there is a blocker, not what it says.
    webhookBody: `${name} is blocked in "${checkin.name}" and named someone who can unblock.`,
    link: "/checkins/blockers",
    objectRef: { type: "checkin_blocker", id: blocker.id },
    urgent: blocker.urgent,
    actorId: blocker.authorId,
    teamId: checkin.teamId,
  });
}

export type BlockersQuery = z.infer<typeof blockersQuery>;

/**
 * GET /blockers. `assignee=me`: those naming me; `teamId`: that team's rituals' blockers (its leads
 * only: 403 to others, 404 for a team not in the organisation); neither: those I raised or am named
 * in. Open ones unless `status` says otherwise; newest first, at most 200.
 */
export async function listBlockers(deps: Deps, actor: Actor, query: BlockersQuery): Promise<BlockerView[]> {
  const me = actor.personId;
  const filters: (SQL | undefined)[] = [];
  if (query.teamId) {
    await getTeamRow(deps.db, actor.organisationId, query.teamId);
    authorize(actor, "blockers.readTeam", { leadOf: await isLeadOf(deps.db, actor, query.teamId) });
    filters.push(eq(checkins.teamId, query.teamId));
  }
  if (query.assignee === "me") filters.push(eq(checkinBlockers.assigneeId, me));
  if (!query.teamId && query.assignee !== "me")
    filters.push(or(eq(checkinBlockers.authorId, me), eq(checkinBlockers.assigneeId, me)));
  const status = query.status ?? "open";
  if (status !== "all") filters.push(eq(checkinBlockers.status, status));
  return blockerViews(deps.db, actor.organisationId, and(...filters));
}

/**
 * PATCH /blockers/:id: resolve (or reopen) a blocker — the person named to unblock, its author, or
 * a lead of the ritual's team. Others who can see it (the ritual's people, through its digest) get
 * 403; anyone else 404. Setting the status it has already changes nothing.
 */
export async function setBlockerStatus(
  deps: Deps,
  actor: Actor,
  blockerId: string,
  status: BlockerStatus,
): Promise<BlockerView> {
  await deps.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ blocker: checkinBlockers, checkin: checkins })
      .from(checkinBlockers)
      .innerJoin(checkins, eq(checkins.id, checkinBlockers.checkinId))
      .where(and(eq(checkinBlockers.id, blockerId), eq(checkinBlockers.organisationId, actor.organisationId)))
      .for("update", { of: checkinBlockers });
    if (!found) throw notFound("Blocker");
    const { blocker, checkin } = found;
    const facts = {
      self: blocker.assigneeId === actor.personId,
      authorOf: blocker.authorId === actor.personId,
      leadOf: checkin.teamId ? await isLeadOf(tx, actor, checkin.teamId) : false,
    };
    if (!(facts.self || facts.authorOf || facts.leadOf) && !(await readsDigestOf(tx, actor, checkin)))
      throw notFound("Blocker");
    authorize(actor, "blocker.resolve", facts);
    if (blocker.status === status) return;
    await tx
      .update(checkinBlockers)
      .set(
        status === "resolved"
          ? { status, resolvedAt: deps.clock.now(), resolvedBy: actor.personId }
          : { status, resolvedAt: null, resolvedBy: null },
      )
      .where(eq(checkinBlockers.id, blocker.id));
    const span = { from: blocker.resolvedAt ?? deps.clock.now(), to: deps.clock.now() };
    if (blocker.assigneeId)
      await checkinsChangedForInsights(tx, deps, actor.organisationId, blocker.assigneeId, span);
  });
  const [view] = await blockerViews(deps.db, actor.organisationId, eq(checkinBlockers.id, blockerId), 1);
  if (!view) throw notFound("Blocker");
  return view;
}

/** Whether the actor reads the ritual's digest (where its blockers are listed): its people, owner, leads. */
async function readsDigestOf(tx: Executor, actor: Actor, checkin: CheckinRow): Promise<boolean> {
  const recipientOf = (await participantIdsOf(tx, checkin, [actor.personId])).length > 0;
  return may(actor, "checkin.readDigest", {
    leadOf: false,
    authorOf: checkin.ownerId === actor.personId,
    recipientOf,
  });
}

/** Blockers raised in the given occurrences (a digest's date), newest first. */
export function blockersOfOccurrences(
  db: Executor,
  organisationId: string,
  occurrenceIds: readonly string[],
): Promise<BlockerView[]> {
  if (occurrenceIds.length === 0) return Promise.resolve([]);
  return blockerViews(db, organisationId, inArray(checkinBlockers.occurrenceId, [...occurrenceIds]));
}
