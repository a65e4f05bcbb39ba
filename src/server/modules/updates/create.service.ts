import type { z } from "zod";
import type {
  CreateUpdateBody,
  ResponderView,
  replyByPreview,
  replyByPreviewBody,
  UpdateView,
  Urgency,
} from "../../../contracts/updates";
import { DAY_MS } from "../../../core/time";
import { responderDeadline } from "../../../core/updates";
import type { Deps } from "../../deps";
import { isUniqueViolation } from "../../platform/db/errors";
import type { Executor } from "../../platform/db/types";
import { conflict, invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { getAgreement } from "../agreement";
import { recordAudit } from "../audit";
import { activePeopleOf, workingTimeOf } from "../people";
import { recordingToPost } from "../recordings";
import { assertTeamOf } from "../teams";
import { mentionedIn } from "./mentions";
import { publishUpdateChanged, updateFor } from "./update-access";
import { assertLinks } from "./updates.checks";
import { tellAboutPost } from "./updates.notify";
import { presentUpdate } from "./updates.present";
import { updateAudience, updateLinks, updateResponders, updates } from "./updates.table";

/** The contract's horizon: a responder without this much working time in 30 days has no reply-by. */
const HORIZON_MS = 30 * DAY_MS;

interface ResponderDue {
  personId: string;
  name: string;
  timeZone: string;
  replyBy: number | null;
  remindAt: number | null;
  lateRemindAt: number | null;
}

/** Each responder's reply-by and reminders over their own working intervals from `at` (3 queries in all). */
async function deadlinesOf(
  db: Executor,
  organisationId: string,
  responderIds: readonly string[],
  at: number,
  hours: number,
): Promise<ResponderDue[]> {
  if (responderIds.length === 0) return [];
  const working = await workingTimeOf(db, organisationId, [...responderIds], {
    start: at,
    end: at + HORIZON_MS,
  });
  return working.map((p) => ({
    personId: p.personId,
    name: p.name,
    timeZone: p.timeZone,
    ...responderDeadline(p.working, at, hours),
  }));
}

/** The latest reply-by of those who have one: when everyone has had their hours. */
const latest = (dues: readonly ResponderDue[]): number | null =>
  dues.reduce<number | null>(
    (max, d) => (d.replyBy !== null && (max === null || d.replyBy > max) ? d.replyBy : max),
    null,
  );

const toView = (d: ResponderDue): ResponderView => ({
  personId: d.personId,
  name: d.name,
  timeZone: d.timeZone,
  replyBy: d.replyBy === null ? null : new Date(d.replyBy).toISOString(),
});

/**
 * POST /updates/reply-by: what the composer shows before posting — each responder's reply-by from now
 * under the organisation's agreement (the preview has no audience, so no team override). Never writes.
 */
export async function previewReplyBy(
  deps: Deps,
  actor: Actor,
  body: z.infer<typeof replyByPreviewBody>,
): Promise<z.infer<typeof replyByPreview>> {
  await activePeopleOf(deps.db, actor.organisationId, body.requiredResponderIds, "requiredResponderIds");
  const { rules } = await getAgreement(deps, actor);
  const hours = rules.replyWithinWorkingHours[body.urgency ?? "normal"];
  const now = deps.clock.now().getTime();
  const dues = await deadlinesOf(deps.db, actor.organisationId, body.requiredResponderIds, now, hours);
  const last = latest(dues);
  return {
    hours,
    replyBy: last === null ? null : new Date(last).toISOString(),
    responders: dues.map(toView),
  };
}

/** Checks everything the body names; 400 naming the field. */
async function assertNamed(deps: Deps, actor: Actor, input: CreateUpdateBody) {
  const { organisationId } = actor;
  const responderIds = input.requiredResponderIds ?? [];
  if (responderIds.includes(actor.personId))
    throw invalid("requiredResponderIds", "you cannot be a required responder of your own update");
  await activePeopleOf(deps.db, organisationId, input.audience.personIds ?? [], "audience.personIds");
  await activePeopleOf(deps.db, organisationId, responderIds, "requiredResponderIds");
  if (input.audience.teamId)
    await assertTeamOf(deps.db, organisationId, input.audience.teamId, "audience.teamId");
  await assertLinks(deps.db, actor, input.links ?? []);
}

/**
 * POST /updates. Each required responder's reply-by comes from the effective agreement (the
 * organisation's, tightened by the audience team's) over their own working time; the update's
 * reply-by is the latest. Rows, notifications, audit and the live event commit together.
 */
export async function createUpdate(deps: Deps, actor: Actor, input: CreateUpdateBody): Promise<UpdateView> {
  const { organisationId, personId: authorId } = actor;
  await assertNamed(deps, actor, input);
  const urgency: Urgency = input.urgency ?? "normal";
  const teamId = input.audience.teamId;
  const now = deps.clock.now();
  const { rules } = await getAgreement(deps, actor, teamId);
  const hours = rules.replyWithinWorkingHours[urgency];
  const dues = await deadlinesOf(
    deps.db,
    organisationId,
    input.requiredResponderIds ?? [],
    now.getTime(),
    hours,
  );
  const body = input.body ?? "";
  const mentioned = await mentionedIn(deps.db, organisationId, body);
  const replyBy = latest(dues);
  const at = (ms: number | null) => (ms === null ? null : new Date(ms));

  const created = await postedOnce(input.recordingId, () =>
    deps.db.transaction(async (tx) => {
      // A video: the author's own ready recording, from now on seen by whoever sees this update.
      const recording = input.recordingId ? await recordingToPost(tx, actor, input.recordingId) : null;
      const [update] = await tx
        .insert(updates)
        .values({
          organisationId,
          kind: input.kind,
          authorId,
          title: input.title,
          body,
          recordingId: recording?.id ?? null,
          audienceOrganisation: input.audience.organisation === true,
          audienceTeamId: teamId ?? null,
          urgency,
          replyBy: at(replyBy),
          decisionDue: input.decisionDue ? new Date(input.decisionDue) : null,
          createdAt: now,
        })
        .returning();
      if (!update) throw new Error("insert returned no row");
      const ids = { updateId: update.id, organisationId };
      const named = input.audience.personIds ?? [];
      if (named.length > 0)
        await tx.insert(updateAudience).values(named.map((personId) => ({ ...ids, personId })));
      const links = input.links ?? [];
      if (links.length > 0)
        await tx
          .insert(updateLinks)
          .values(links.map((l, position) => ({ ...ids, type: l.type, targetId: l.id, position })));
      if (dues.length > 0)
        await tx.insert(updateResponders).values(
          dues.map((d) => ({
            ...ids,
            personId: d.personId,
            replyBy: at(d.replyBy),
            remindAt: at(d.remindAt),
            lateRemindAt: at(d.lateRemindAt),
          })),
        );
      const asked = new Map(dues.map((d) => [d.personId, { timeZone: d.timeZone, replyBy: d.replyBy }]));
      await tellAboutPost(tx, deps, update, asked, mentioned, hours);
      await recordAudit(tx, {
        organisationId,
        actorId: authorId,
        action: "update.posted",
        targetType: "update",
        targetId: update.id,
        data: { kind: update.kind, urgency, responders: dues.length },
      });
      await publishUpdateChanged(tx, deps, update);
      return update;
    }),
  );
  return presentUpdate(deps.db, deps, actor, await updateFor(deps.db, actor, created.id));
}

/**
 * One update per recording (`updates_recording_idx`): when the same recording is posted twice at
 * once, the later insert is refused by the index — a 409 in words, never the database's.
 */
async function postedOnce<T>(recordingId: string | undefined, post: () => Promise<T>): Promise<T> {
  try {
    return await post();
  } catch (err) {
    if (recordingId !== undefined && isUniqueViolation(err))
      throw conflict("This recording is already posted as an update");
    throw err;
  }
}
