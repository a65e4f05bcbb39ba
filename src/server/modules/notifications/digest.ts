import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { nextDigestAt } from "../../../core/notify";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { queueEmail } from "../outbox";
import { workingTimeProfilesOf } from "../people";
import { absoluteLink, emailsOf, withUnsubscribe } from "./delivery";
import {
  DEFAULT_SETTINGS,
  type NotificationRow,
  type Settings,
  settingsOf,
  wantsEmail,
} from "./notifications.repo";
import { notificationSettings, notifications } from "./notifications.table";

/** Rows a digest lists: held back (arrived outside the person's hours, or during an absence), not urgent, not yet emailed. */
const waiting = and(
  isNull(notifications.emailedAt),
  or(
    and(eq(notifications.outsideHours, true), eq(notifications.urgent, false)),
    eq(notifications.digestOnly, true),
  ),
);

/**
 * The send-digests job: each person whose digest time (their local `digestLocalTime`, in the zone in
 * force that day) has come since the first thing waiting for them gets one email listing it all;
 * nobody with nothing waiting gets one. `last_digest_at` is moved first, compare-and-set, in the
 * transaction that marks the rows emailed and queues the email: a rerun or a second instance finds
 * nothing left to send.
 */
export async function sendDigests(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const candidates = await deps.db
    .select({
      organisationId: notifications.organisationId,
      personId: notifications.recipientId,
      since: sql<Date>`min(${notifications.createdAt})`.mapWith(notifications.createdAt),
    })
    .from(notifications)
    .leftJoin(notificationSettings, eq(notificationSettings.personId, notifications.recipientId))
    .where(
      and(
        waiting,
        sql`coalesce(${notificationSettings.digestEnabled}, true)`,
        or(
          isNull(notificationSettings.lastDigestAt),
          gt(notifications.createdAt, notificationSettings.lastDigestAt),
        ),
      ),
    )
    .groupBy(notifications.organisationId, notifications.recipientId);
  const byOrganisation = new Map<string, { personId: string; since: number }[]>();
  for (const c of candidates) {
    const list = byOrganisation.get(c.organisationId) ?? [];
    list.push({ personId: c.personId, since: c.since.getTime() });
    byOrganisation.set(c.organisationId, list);
  }
  let sent = 0;
  for (const [organisationId, waitingFor] of byOrganisation) {
    const ids = waitingFor.map((w) => w.personId);
    const at = now.getTime();
    const [settings, profiles] = await Promise.all([
      settingsOf(deps.db, organisationId, ids),
      workingTimeProfilesOf(deps.db, organisationId, ids, { start: at, end: at }),
    ]);
    for (const { personId, since } of waitingFor) {
      const mine = settings.get(personId) ?? DEFAULT_SETTINGS;
      const profile = profiles.get(personId)?.profile;
      if (!profile) continue;
      // Rows waiting are all newer than the last digest, so the first of them says when the next is due.
      const due = nextDigestAt({
        after: since,
        localTime: mine.digestLocalTime,
        person: profile,
      });
      if (due > at) continue;
      if (await sendDigest(deps, organisationId, personId, mine, now)) sent++;
    }
  }
  return sent;
}

async function sendDigest(
  deps: Deps,
  organisationId: string,
  personId: string,
  settings: Settings,
  now: Date,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    if (!(await claimDigest(tx, organisationId, personId, settings.lastDigestAt, now))) return false;
    const rows = await tx
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.organisationId, organisationId),
          eq(notifications.recipientId, personId),
          waiting,
          lte(notifications.createdAt, now),
          settings.lastDigestAt ? gt(notifications.createdAt, settings.lastDigestAt) : undefined,
        ),
      )
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
      .for("update");
    if (rows.length === 0) return false;
    // Every row is settled by this digest, listed or not (a kind whose email is off is not listed).
    await tx
      .update(notifications)
      .set({ emailedAt: now })
      .where(
        inArray(
          notifications.id,
          rows.map((r) => r.id),
        ),
      );
    const listed = rows.filter((r) => wantsEmailInDigest(settings, r));
    const address = (await emailsOf(tx, organisationId, [personId])).get(personId);
    if (listed.length === 0 || !address) return false;
    await queueEmail(tx, deps, {
      organisationId,
      to: address,
      subject:
        listed.length === 1
          ? "While you were away: 1 notification"
          : `While you were away: ${listed.length} notifications`,
      ...withUnsubscribe(deps.config, digestText(deps.config, listed)),
    });
    return true;
  });
}

/** The digest honours the per-kind choice; the global switch is for emails sent one by one. */
const wantsEmailInDigest = (settings: Settings, row: NotificationRow) =>
  wantsEmail({ ...settings, email: true }, row.kind);

function digestText(config: Deps["config"], rows: NotificationRow[]): string {
  const lines = rows.map((r) => {
    const link = absoluteLink(config, r.link);
    return link ? `- ${r.subject}\n  ${link}` : `- ${r.subject}`;
  });
  return `Here is what arrived while you were away:\n\n${lines.join("\n")}\n\nYour inbox: ${config.publicUrl}/inbox`;
}

/**
 * Moves the person's `last_digest_at` from what the sweep read to `now`, or answers false when
 * someone else moved it first (another instance, a rerun): only one digest per moment.
 */
async function claimDigest(
  tx: Executor,
  organisationId: string,
  personId: string,
  previous: Date | null,
  now: Date,
): Promise<boolean> {
  const claimed = await tx
    .insert(notificationSettings)
    .values({ personId, organisationId, lastDigestAt: now })
    .onConflictDoUpdate({
      target: notificationSettings.personId,
      set: { lastDigestAt: now },
      setWhere: previous
        ? eq(notificationSettings.lastDigestAt, previous)
        : isNull(notificationSettings.lastDigestAt),
    })
    .returning({ personId: notificationSettings.personId });
  return claimed.length > 0;
}
