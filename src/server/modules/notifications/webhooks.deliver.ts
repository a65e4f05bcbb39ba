import { createHmac } from "node:crypto";
import { and, desc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { rolesFor } from "../../../core/access";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { defineJob } from "../../platform/job";
import { OutboundError, postText } from "../../platform/outbound";
import { recordAudit } from "../audit";
import { people } from "../people/people.table";
import { notify } from "./notifications.service";
import { deliverWebhookRef } from "./webhooks.queue";
import { PRIVATE_ADDRESS_REFUSAL } from "./webhooks.service";
import { webhookDeliveries, webhooks } from "./webhooks.table";

type WebhookRow = typeof webhooks.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

const SEND_TIMEOUT_MS = 10_000;
/** How long a sender holds a delivery: well past the send timeout, so two never send it at once. */
export const LEASE_MS = 60_000;
/** The first retry; each one after waits twice as long as the one before. */
const FIRST_RETRY_MS = 30_000;
/** A webhook failing this long with no success is disabled (the last retry is made at this mark). */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;
/** Deliveries one sweep sends, and how many at once. */
const SWEEP_BATCH = 50;
const SWEEP_CONCURRENCY = 5;

export const deliverWebhookJob = defineJob({
  ...deliverWebhookRef,
  handle: (deps: Deps, job) => deliverWebhook(deps, job),
});

export const webhookRetriesJob = defineJob({
  name: "webhook-retries",
  payload: z.object({}),
  everyMinutes: 1,
  handle: (deps: Deps) => sweepWebhooks(deps),
});

/**
 * The deliver-webhook job: sends one delivery if it is due and nobody else holds it. Idempotent: a
 * delivered (or failed) delivery is never sent again, and one retried later is the sweep's to send.
 */
export async function deliverWebhook(
  deps: Deps,
  job: z.infer<typeof deliverWebhookRef.payload>,
): Promise<"sent" | "skipped"> {
  const [delivery] = await claim(
    deps,
    and(eq(webhookDeliveries.organisationId, job.organisationId), eq(webhookDeliveries.id, job.deliveryId)),
    1,
  );
  if (!delivery) return "skipped";
  await send(deps, delivery);
  return "sent";
}

/**
 * The webhook-retries sweep (every minute): sends the deliveries whose retry is due, then disables
 * the webhooks failing for GIVE_UP_AFTER_MS with nothing left to try. Sends inline, so a test that
 * moves the clock and runs it sees the attempts when it returns.
 */
export async function sweepWebhooks(deps: Deps): Promise<{ attempted: number; disabled: number }> {
  const due = await claim(deps, undefined, SWEEP_BATCH);
  for (let i = 0; i < due.length; i += SWEEP_CONCURRENCY) {
    await Promise.all(due.slice(i, i + SWEEP_CONCURRENCY).map((delivery) => send(deps, delivery)));
  }
  const deadline = new Date(deps.clock.now().getTime() - GIVE_UP_AFTER_MS);
  const disabled = await deps.db.transaction(async (tx) => {
    const overdue = await tx
      .select()
      .from(webhooks)
      .where(and(eq(webhooks.enabled, true), lte(webhooks.firstFailureAt, deadline)))
      .limit(SWEEP_BATCH)
      .for("update", { skipLocked: true });
    for (const webhook of overdue) await disableWebhook(tx, deps, webhook, await lastErrorOf(tx, webhook));
    return overdue.length;
  });
  return { attempted: due.length, disabled };
}

/**
 * Takes due deliveries (pending or retrying, next attempt reached, not held by another sender) and
 * holds them for LEASE_MS, in one transaction; rows locked by another sweep are skipped.
 */
async function claim(deps: Deps, where: ReturnType<typeof and>, limit: number): Promise<DeliveryRow[]> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          where,
          inArray(webhookDeliveries.status, ["pending", "retrying"]),
          lte(webhookDeliveries.nextAttemptAt, now),
          or(isNull(webhookDeliveries.sendingUntil), lt(webhookDeliveries.sendingUntil, now)),
        ),
      )
      .orderBy(webhookDeliveries.nextAttemptAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(webhookDeliveries)
      .set({ sendingUntil: new Date(now.getTime() + LEASE_MS) })
      .where(
        inArray(
          webhookDeliveries.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

/** One attempt: sign and send outside any transaction, then record the outcome. */
async function send(deps: Deps, delivery: DeliveryRow): Promise<void> {
  const [webhook] = await deps.db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.organisationId, delivery.organisationId), eq(webhooks.id, delivery.webhookId)));
  if (!webhook?.enabled) {
    await deps.db
      .update(webhookDeliveries)
      .set({ status: "failed", nextAttemptAt: null, sendingUntil: null })
      .where(eq(webhookDeliveries.id, delivery.id));
    return;
  }
  const { body, headers } = renderDelivery(webhook, delivery, deps.clock.now());
  let failure: string | null = null;
  try {
    const status = await postText(webhook.url, body, headers, {
      allowPrivate: deps.config.allowPrivateUrls,
      timeoutMs: SEND_TIMEOUT_MS,
    });
    if (status < 200 || status >= 300) failure = `The receiver answered ${status}`;
  } catch (err) {
    if (!(err instanceof OutboundError)) throw err;
    failure = failureWords(err);
  }
  await record(deps, webhook, delivery, failure);
}

function failureWords(err: OutboundError): string {
  if (err.reason === "refused") return PRIVATE_ADDRESS_REFUSAL;
  if (err.reason === "timeout") return `No answer within ${SEND_TIMEOUT_MS / 1000} seconds`;
  return err.message.charAt(0).toUpperCase() + err.message.slice(1);
}

/**
 * Records an attempt. A success clears the webhook's failing streak; a failure schedules the next
 * try (30 s, then doubling, the last at the 24 h mark) or, past the mark, disables the webhook.
 */
async function record(deps: Deps, webhook: WebhookRow, delivery: DeliveryRow, failure: string | null) {
  const now = deps.clock.now();
  const attempts = delivery.attempts + 1;
  // Only while this sender still holds it (the lease outlasts the send timeout).
  const held = and(
    eq(webhookDeliveries.id, delivery.id),
    eq(webhookDeliveries.sendingUntil, delivery.sendingUntil ?? now),
  );
  const firstAttemptAt = delivery.firstAttemptAt ?? now;
  await deps.db.transaction(async (tx) => {
    if (failure === null) {
      await tx
        .update(webhookDeliveries)
        .set({
          status: "delivered",
          attempts,
          lastError: null,
          nextAttemptAt: null,
          sendingUntil: null,
          firstAttemptAt,
          deliveredAt: now,
        })
        .where(held);
      await tx.update(webhooks).set({ firstFailureAt: null }).where(eq(webhooks.id, webhook.id));
      return;
    }
    const [failing] = await tx
      .update(webhooks)
      .set({ firstFailureAt: sql`coalesce(${webhooks.firstFailureAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(webhooks.id, webhook.id))
      .returning();
    const giveUpAt = (failing?.firstFailureAt ?? now).getTime() + GIVE_UP_AFTER_MS;
    const retryAt = Math.min(now.getTime() + FIRST_RETRY_MS * 2 ** (attempts - 1), giveUpAt);
    await tx
      .update(webhookDeliveries)
      .set({
        status: "retrying",
        attempts,
        lastError: failure,
        nextAttemptAt: new Date(retryAt),
        sendingUntil: null,
        firstAttemptAt,
      })
      .where(held);
    if (failing && now.getTime() >= giveUpAt) await disableWebhook(tx, deps, failing, failure);
  });
}

async function lastErrorOf(tx: Executor, webhook: WebhookRow): Promise<string | null> {
  const [last] = await tx
    .select({ lastError: webhookDeliveries.lastError })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.organisationId, webhook.organisationId),
        eq(webhookDeliveries.webhookId, webhook.id),
        sql`${webhookDeliveries.lastError} is not null`,
      ),
    )
    .orderBy(desc(webhookDeliveries.firstAttemptAt))
    .limit(1);
  return last?.lastError ?? null;
}

/**
 * Switches a webhook off for good (a new one must be created), fails what it still had to send and
 * tells its creator — or the admins, when the creator is gone — through notify.
 */
async function disableWebhook(tx: Executor, deps: Deps, webhook: WebhookRow, lastError: string | null) {
  const reason = `Disabled after 24 hours of failed deliveries${lastError ? `; the last: ${lastError}` : ""}`;
  const [disabled] = await tx
    .update(webhooks)
    .set({ enabled: false, disabledReason: reason })
    .where(and(eq(webhooks.id, webhook.id), eq(webhooks.enabled, true)))
    .returning();
  if (!disabled) return;
  await tx
    .update(webhookDeliveries)
    .set({ status: "failed", nextAttemptAt: null, sendingUntil: null })
    .where(
      and(
        eq(webhookDeliveries.organisationId, webhook.organisationId),
        eq(webhookDeliveries.webhookId, webhook.id),
        inArray(webhookDeliveries.status, ["pending", "retrying"]),
      ),
    );
  await recordAudit(tx, {
    organisationId: webhook.organisationId,
    action: "webhook.disabled",
    targetType: "webhook",
    targetId: webhook.id,
    data: { host: new URL(webhook.url).host, reason },
  });
  const host = new URL(webhook.url).host;
  await notify(tx, deps, {
    organisationId: webhook.organisationId,
    recipients: await ownersOf(tx, webhook),
    kind: "webhook.disabled",
    subject: `A webhook to ${host} was disabled`,
    body: [
      `Tandem could not deliver to ${host} for 24 hours, so it stopped sending to this webhook.`,
      lastError ? `The last attempt: ${lastError}.` : "",
      "Once the receiver works again, create a new webhook for it.",
    ]
      .filter(Boolean)
      .join("\n\n"),
    link: "/admin/webhooks",
    teamId: webhook.teamId,
  });
}

/** Who hears that a webhook was disabled: its creator while active, else the organisation's admins. */
async function ownersOf(tx: Executor, webhook: WebhookRow): Promise<string[]> {
  const active = and(eq(people.organisationId, webhook.organisationId), eq(people.active, true));
  if (webhook.createdBy) {
    const [creator] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(active, eq(people.id, webhook.createdBy)));
    if (creator) return [creator.id];
  }
  const admins = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(active, inArray(people.role, rolesFor("webhooks.manageOrg"))));
  return admins.map((a) => a.id);
}

/** The request one attempt sends: the body in the webhook's format and, for `signed`, its signature. */
export function renderDelivery(
  webhook: Pick<WebhookRow, "format" | "secret">,
  delivery: Pick<DeliveryRow, "deliveryId" | "event" | "payload">,
  now: Date,
): { body: string; headers: Record<string, string> } {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Tandem-Webhooks/1",
    "x-tandem-event": delivery.event,
    "x-tandem-delivery": delivery.deliveryId,
  };
  const { subject, body, link, occurredAt } = delivery.payload;
  if (webhook.format === "slack") return { body: JSON.stringify(slackMessage(subject, body, link)), headers };
  const json = JSON.stringify({
    id: delivery.deliveryId,
    type: delivery.event,
    occurredAt,
    data: { subject, body, link },
  });
  const t = Math.floor(now.getTime() / 1000);
  const v1 = createHmac("sha256", webhook.secret).update(`${t}.${json}`).digest("hex");
  return { body: json, headers: { ...headers, "x-tandem-signature": `t=${t},v1=${v1}` } };
}

/** Slack's text limit for a section block. */
const SLACK_SECTION_MAX = 3000;
/** Slack's mrkdwn treats &, < and > as control characters. */
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Slack incoming-webhook message: `text` (notifications, fallback) and one mrkdwn section. */
function slackMessage(subject: string, body: string, link: string | null) {
  const linkLine = link ? `\n<${link}|Open in Tandem>` : "";
  let section = `*${slackEscape(subject)}*\n${slackEscape(body)}`;
  const room = SLACK_SECTION_MAX - linkLine.length;
  if (section.length > room) section = `${section.slice(0, room - 1)}…`;
  return {
    text: slackEscape(subject),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: section + linkLine } }],
  };
}
