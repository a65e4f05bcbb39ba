import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import { notificationDelivered } from "../../../contracts/events";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { OutgoingEmail } from "../../platform/mail";
import { queueEmails } from "../outbox";
import { people } from "../people/people.table";
import {
  BATCH,
  DEFAULT_SETTINGS,
  type NotificationRow,
  type Settings,
  settingsOf,
  wantsEmail,
} from "./notifications.repo";
import { notifications } from "./notifications.table";

type DeliveryDeps = Pick<Deps, "jobs" | "events" | "config">;

/** Where people change what they receive: every email's List-Unsubscribe and footer. */
export const settingsUrl = (config: Deps["config"]) => `${config.publicUrl}/settings/notifications`;

/** An absolute link for email, or null for a notification without one. */
export const absoluteLink = (config: Deps["config"], link: string | null) =>
  link === null ? null : /^https?:\/\//.test(link) ? link : `${config.publicUrl}${link}`;

/** The footer and header every notification email carries (RFC 2369: a link to the settings page). */
export function withUnsubscribe(
  config: Deps["config"],
  text: string,
): Pick<OutgoingEmail, "text" | "headers"> {
  const settings = settingsUrl(config);
  return {
    text: `${text}\n\n--\nYou get this email from Tandem. Choose which emails you get: ${settings}\n`,
    headers: { "List-Unsubscribe": `<${settings}>` },
  };
}

/**
 * Whether a delivered row is emailed on its own. Not when the person switched email off (or off for
 * its kind), nor a row held for the digest: one kept back by an absence (`digestOnly`), or one that
 * arrived outside their hours while their digest is on — the digest lists it with the rest.
 */
function emailsAlone(row: NotificationRow, settings: Settings): boolean {
  if (row.emailedAt || row.digestOnly || !wantsEmail(settings, row.kind)) return false;
  return row.urgent || !row.outsideHours || !settings.digestEnabled;
}

/**
 * What happens when rows reach the inbox (already marked delivered, inside `tx`): a live event for
 * each recipient (the bell refetches; no content travels) and the email of those who want one.
 */
export async function announceDelivered(
  tx: Executor,
  deps: DeliveryDeps,
  organisationId: string,
  rows: readonly NotificationRow[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const recipientIds = [...new Set(rows.map((r) => r.recipientId))];
  const [settings, addresses] = await Promise.all([
    settingsOf(tx, organisationId, recipientIds),
    emailsOf(tx, organisationId, recipientIds),
  ]);
  const emailed = rows.filter((row) => {
    const address = addresses.get(row.recipientId);
    return address !== undefined && emailsAlone(row, settings.get(row.recipientId) ?? DEFAULT_SETTINGS);
  });
  await queueEmails(
    tx,
    deps,
    emailed.map((row) => ({
      organisationId,
      to: addresses.get(row.recipientId) ?? "",
      subject: row.subject,
      ...withUnsubscribe(deps.config, emailText(deps.config, row)),
    })),
  );
  const emailedIds = emailed.map((r) => r.id);
  for (let i = 0; i < emailedIds.length; i += BATCH) {
    await tx
      .update(notifications)
      .set({ emailedAt: now })
      .where(inArray(notifications.id, emailedIds.slice(i, i + BATCH)));
  }
  // Last in the transaction, as live events ask.
  await deps.events.publishMany(
    tx,
    rows.map((row) => notificationDelivered(organisationId, row.id, row.recipientId)),
  );
}

/** The markdown body is already plain text people can read; the link is made absolute. */
function emailText(config: Deps["config"], row: NotificationRow): string {
  const link = absoluteLink(config, row.link);
  return link ? `${row.body}\n\nOpen it in Tandem: ${link}` : row.body;
}

/** Email addresses of active people (someone deactivated or not yet joined gets no email). */
export async function emailsOf(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (let i = 0; i < personIds.length; i += BATCH) {
    const rows = await executor
      .select({ id: people.id, email: people.email })
      .from(people)
      .where(
        and(
          eq(people.organisationId, organisationId),
          eq(people.active, true),
          inArray(people.id, personIds.slice(i, i + BATCH)),
        ),
      );
    for (const r of rows) result.set(r.id, r.email);
  }
  return result;
}

/** Batches per sweep: a backlog larger than this waits for the next minute. */
const MAX_BATCHES = 20;

/**
 * The deliver-due-notifications job: rows whose time has come are marked delivered, announced and
 * emailed, a batch per transaction. Rows another instance holds are skipped (SKIP LOCKED), and a
 * delivered row is never taken again, so the job is idempotent and instances may run it together.
 */
export async function deliverDueNotifications(deps: Deps): Promise<number> {
  let delivered = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const count = await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const due = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(isNull(notifications.deliveredAt), lte(notifications.deliverAt, now)))
        .orderBy(asc(notifications.deliverAt))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      const rows = await tx
        .update(notifications)
        .set({ deliveredAt: now })
        .where(
          inArray(
            notifications.id,
            due.map((d) => d.id),
          ),
        )
        .returning();
      const byOrganisation = new Map<string, NotificationRow[]>();
      for (const row of rows) {
        const list = byOrganisation.get(row.organisationId);
        if (list) list.push(row);
        else byOrganisation.set(row.organisationId, [row]);
      }
      for (const [organisationId, list] of byOrganisation)
        await announceDelivered(tx, deps, organisationId, list, now);
      return rows.length;
    });
    delivered += count;
    if (count < BATCH) break;
  }
  return delivered;
}
