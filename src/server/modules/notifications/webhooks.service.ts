import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  NotificationKind,
  WebhookDeliveryView,
  WebhookView,
  webhookBody,
} from "../../../contracts/notifications";
import { may } from "../../../core/access";
import type { Deps } from "../../deps";
import { randomToken } from "../../platform/crypto";
import type { Executor } from "../../platform/db/types";
import { AppError, conflict, notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { assertPublicUrl, OutboundError } from "../../platform/outbound";
import { recordAudit } from "../audit";
import { teamMembers, teams } from "../teams";
import { queueDeliveries } from "./webhooks.queue";
import { type WebhookEventData, webhookDeliveries, webhooks } from "./webhooks.table";

type WebhookRow = typeof webhooks.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** How many deliveries the list shows: the newest. */
const DELIVERIES_SHOWN = 100;

export const PRIVATE_ADDRESS_REFUSAL =
  "This address is on a private network; Tandem may not call it unless the instance allows private addresses (TANDEM_ALLOW_PRIVATE_URLS=true)";

export function presentWebhook(row: WebhookRow): WebhookView {
  return {
    id: row.id,
    url: row.url,
    format: row.format,
    events: row.events,
    teamId: row.teamId,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    disabledReason: row.disabledReason,
  };
}

/** `id` is the delivery id the receiver saw in `X-Tandem-Delivery`, so both sides name it alike. */
function presentDelivery(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.deliveryId,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
  };
}

const newSecret = () => randomToken("whsec_");

const urlRefused = (message: string) =>
  new AppError("validation_failed", message, { fields: [{ path: "url", message }] });

/** An http(s) address whose host is public (unless the instance allows private ones), checked now. */
export async function checkWebhookUrl(deps: Pick<Deps, "config">, raw: string): Promise<string> {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (url?.protocol !== "https:" && url?.protocol !== "http:") {
    throw urlRefused("Address: must be an http or https address, such as https://hooks.example.com/tandem");
  }
  try {
    await assertPublicUrl(url.toString(), deps.config.allowPrivateUrls);
  } catch (err) {
    if (err instanceof OutboundError && err.reason === "refused") throw urlRefused(PRIVATE_ADDRESS_REFUSAL);
    throw err;
  }
  return url.toString();
}

/** The teams the actor leads in their organisation. */
async function ledTeams(executor: Executor, actor: Actor): Promise<string[]> {
  const rows = await executor
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(
      and(
        eq(teamMembers.organisationId, actor.organisationId),
        eq(teamMembers.personId, actor.personId),
        eq(teamMembers.role, "lead"),
      ),
    );
  return rows.map((r) => r.teamId);
}

/** An organisation webhook is for admins; a team's also for that team's leads. */
async function authorizeFor(executor: Executor, actor: Actor, teamId: string | null): Promise<void> {
  if (teamId === null) return authorize(actor, "webhooks.manageOrg");
  if (may(actor, "webhooks.manageTeam")) return;
  authorize(actor, "webhooks.manageTeam", { leadOf: (await ledTeams(executor, actor)).includes(teamId) });
}

/** The webhook, in the actor's organisation, if they may manage it (else 404 or 403). */
async function managedWebhook(executor: Executor, actor: Actor, id: string): Promise<WebhookRow> {
  const [row] = await executor
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.organisationId, actor.organisationId), eq(webhooks.id, id)));
  if (!row) throw notFound("Webhook");
  await authorizeFor(executor, actor, row.teamId);
  return row;
}

/** `disabledReason` creates it switched off (the demo's, which must not call out to the internet). */
export async function createWebhook(
  deps: Deps,
  actor: Actor,
  input: z.infer<typeof webhookBody>,
  options: { disabledReason?: string } = {},
): Promise<{ webhook: WebhookView; secret: string }> {
  const teamId = input.teamId ?? null;
  if (teamId !== null) {
    const [team] = await deps.db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.organisationId, actor.organisationId), eq(teams.id, teamId)));
    if (!team) {
      const message = "Team: is not a team in this organisation";
      throw new AppError("validation_failed", message, { fields: [{ path: "teamId", message }] });
    }
  }
  await authorizeFor(deps.db, actor, teamId);
  const url = await checkWebhookUrl(deps, input.url);
  const secret = newSecret();
  const webhook = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhooks)
      .values({
        organisationId: actor.organisationId,
        teamId,
        url,
        format: input.format,
        events: [...new Set(input.events)],
        secret,
        createdBy: actor.personId,
        createdAt: deps.clock.now(),
        enabled: options.disabledReason === undefined,
        disabledReason: options.disabledReason ?? null,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await audit(tx, actor, "webhook.created", row);
    return row;
  });
  return { webhook: presentWebhook(webhook), secret };
}

function audit(
  tx: Executor,
  actor: Actor,
  action: "webhook.created" | "webhook.deleted" | "webhook.secret_rotated",
  row: WebhookRow,
) {
  return recordAudit(tx, {
    organisationId: actor.organisationId,
    actorId: actor.personId,
    action,
    targetType: "webhook",
    targetId: row.id,
    // The host only: webhook paths often carry a secret of the receiver's.
    data: { host: new URL(row.url).host, teamId: row.teamId },
  });
}

/** Admins see every webhook of the organisation; a lead those of the teams they lead. */
export async function listWebhooks(deps: Deps, actor: Actor): Promise<WebhookView[]> {
  const byOrg = eq(webhooks.organisationId, actor.organisationId);
  if (may(actor, "webhooks.manageOrg")) {
    const rows = await deps.db.select().from(webhooks).where(byOrg).orderBy(desc(webhooks.createdAt));
    return rows.map(presentWebhook);
  }
  const led = await ledTeams(deps.db, actor);
  authorize(actor, "webhooks.manageTeam", { leadOf: led.length > 0 });
  const rows = await deps.db
    .select()
    .from(webhooks)
    .where(and(byOrg, inArray(webhooks.teamId, led)))
    .orderBy(desc(webhooks.createdAt));
  return rows.map(presentWebhook);
}

export async function deleteWebhook(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await managedWebhook(tx, actor, id);
    await tx
      .delete(webhooks)
      .where(and(eq(webhooks.organisationId, actor.organisationId), eq(webhooks.id, id)));
    await audit(tx, actor, "webhook.deleted", row);
  });
}

/** A new secret, shown once; deliveries from now on (retries too) are signed with it. */
export async function rotateWebhookSecret(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ webhook: WebhookView; secret: string }> {
  const secret = newSecret();
  const webhook = await deps.db.transaction(async (tx) => {
    await managedWebhook(tx, actor, id);
    const [row] = await tx
      .update(webhooks)
      .set({ secret })
      .where(and(eq(webhooks.organisationId, actor.organisationId), eq(webhooks.id, id)))
      .returning();
    if (!row) throw notFound("Webhook");
    await audit(tx, actor, "webhook.secret_rotated", row);
    return row;
  });
  return { webhook: presentWebhook(webhook), secret };
}

/** Queues a "notification.test" event to this webhook now, whatever kinds it subscribes to. */
export async function testWebhook(deps: Deps, actor: Actor, id: string): Promise<WebhookDeliveryView> {
  return deps.db.transaction(async (tx) => {
    const row = await managedWebhook(tx, actor, id);
    if (!row.enabled) {
      throw conflict(
        `This webhook is disabled (${row.disabledReason ?? "no reason given"}); create a new one to send to it again`,
      );
    }
    const [delivery] = await queueDeliveries(tx, deps, [
      {
        organisationId: row.organisationId,
        webhookId: row.id,
        event: "notification.test",
        payload: eventData(deps, {
          subject: "Test notification from Tandem",
          body: "If you can read this, this webhook works.",
          link: "/settings/notifications",
          occurredAt: deps.clock.now(),
        }),
      },
    ]);
    if (!delivery) throw new Error("no delivery queued");
    return presentDelivery(delivery);
  });
}

export async function listDeliveries(deps: Deps, actor: Actor, id: string): Promise<WebhookDeliveryView[]> {
  await managedWebhook(deps.db, actor, id);
  const rows = await deps.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(eq(webhookDeliveries.organisationId, actor.organisationId), eq(webhookDeliveries.webhookId, id)),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(DELIVERIES_SHOWN);
  return rows.map(presentDelivery);
}

/** What happened, as notify sends it: the webhooks part fans it out to the webhooks that want it. */
export interface WebhookEvent {
  organisationId: string;
  /** The team the event concerns, if any: its team webhooks receive it beside the organisation's. */
  teamId: string | null;
  kind: NotificationKind;
  subject: string;
  /** Markdown. */
  body: string;
  /** A path in the web app ("/agreement") or an absolute URL, or null. */
  link: string | null;
  occurredAt: Date;
}

/** The stored event: a path in the app becomes an absolute link, since receivers live elsewhere. */
function eventData(
  deps: Pick<Deps, "config">,
  event: Omit<WebhookEvent, "organisationId" | "teamId" | "kind">,
) {
  const link = event.link?.startsWith("/") ? `${deps.config.publicUrl}${event.link}` : event.link;
  return {
    subject: event.subject,
    body: event.body,
    link,
    occurredAt: event.occurredAt.toISOString(),
  } satisfies WebhookEventData;
}

/**
 * For notify, inside its transaction: a delivery (and its job) for every enabled webhook of the
 * organisation that subscribes to the kind — the organisation's webhooks for every event, a
 * team's only for events of that team. Answers how many were queued.
 */
export async function queueWebhookEvents(
  tx: Executor,
  deps: Pick<Deps, "jobs" | "clock" | "config">,
  event: WebhookEvent,
): Promise<number> {
  const targets = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.organisationId, event.organisationId),
        eq(webhooks.enabled, true),
        sql`${webhooks.events} @> ${JSON.stringify([event.kind])}::jsonb`,
        event.teamId === null
          ? isNull(webhooks.teamId)
          : or(isNull(webhooks.teamId), eq(webhooks.teamId, event.teamId)),
      ),
    );
  const payload = eventData(deps, event);
  const queued = await queueDeliveries(
    tx,
    deps,
    targets.map((t) => ({
      organisationId: event.organisationId,
      webhookId: t.id,
      event: event.kind,
      payload,
    })),
  );
  return queued.length;
}
