import { z } from "zod";
import type { NotificationKind } from "../../../contracts/notifications";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { JobRef } from "../../platform/job";
import { type WebhookEventData, webhookDeliveries } from "./webhooks.table";

/**
 * The deliver-webhook job's queue and payload, apart from its handler (webhooks.deliver.ts): the
 * handler notifies when it disables a webhook, and notify queues webhook events, so the code that
 * queues must not import the handler (a cycle).
 */
export const deliverWebhookPayload = z.object({ organisationId: z.uuid(), deliveryId: z.uuid() });
export const deliverWebhookRef = {
  name: "deliver-webhook",
  payload: deliverWebhookPayload,
} satisfies JobRef<typeof deliverWebhookPayload>;

/** One delivery to insert: which webhook, which event, what it says. */
export interface NewDelivery {
  organisationId: string;
  webhookId: string;
  event: NotificationKind;
  payload: WebhookEventData;
}

/** Inserts deliveries due now and queues a job for each, in the caller's transaction (outbox). */
export async function queueDeliveries(
  tx: Executor,
  deps: Pick<Deps, "jobs" | "clock">,
  deliveries: NewDelivery[],
): Promise<(typeof webhookDeliveries.$inferSelect)[]> {
  if (deliveries.length === 0) return [];
  const now = deps.clock.now();
  const rows = await tx
    .insert(webhookDeliveries)
    .values(deliveries.map((d) => ({ ...d, status: "pending" as const, nextAttemptAt: now, createdAt: now })))
    .returning();
  await deps.jobs.sendMany(
    tx,
    deliverWebhookRef,
    rows.map((r) => ({ organisationId: r.organisationId, deliveryId: r.id })),
  );
  return rows;
}
