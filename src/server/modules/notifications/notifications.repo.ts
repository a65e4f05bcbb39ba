import { and, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Rules } from "../../../contracts/agreement";
import { NOTIFICATION_KINDS, type NotificationKind } from "../../../contracts/notifications";
import { DEFAULT_DIGEST_TIME } from "../../../core/notify";
import type { Executor } from "../../platform/db/types";
import { agreementVersions } from "../agreement/agreement.table";
import { notificationSettings, notifications } from "./notifications.table";

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

/** Rows per insert: a policy published to 5,000 people is ten statements, far below the parameter limit. */
export const BATCH = 500;

/** The organisation's `notificationHours` (each person's working hours when no agreement exists yet). */
export async function notificationHoursOf(
  executor: Executor,
  organisationId: string,
): Promise<Rules["notificationHours"]> {
  const [row] = await executor
    .select({ rules: agreementVersions.rules })
    .from(agreementVersions)
    .where(eq(agreementVersions.organisationId, organisationId))
    .orderBy(desc(agreementVersions.version))
    .limit(1);
  return row?.rules.notificationHours ?? "working_hours";
}

export async function insertNotifications(
  executor: Executor,
  rows: readonly NewNotification[],
): Promise<NotificationRow[]> {
  const inserted: NotificationRow[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    inserted.push(
      ...(await executor
        .insert(notifications)
        .values(rows.slice(i, i + BATCH))
        .returning()),
    );
  }
  return inserted;
}

/** A person's choices with the defaults filled in. */
export interface Settings {
  email: boolean;
  digestEnabled: boolean;
  digestLocalTime: string;
  kinds: Partial<Record<NotificationKind, { email: boolean }>>;
  lastDigestAt: Date | null;
}

export const DEFAULT_SETTINGS: Settings = {
  email: true,
  digestEnabled: true,
  digestLocalTime: DEFAULT_DIGEST_TIME,
  kinds: {},
  lastDigestAt: null,
};

/** Each person's settings, the defaults for those who never changed them. */
export async function settingsOf(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
): Promise<Map<string, Settings>> {
  const result = new Map<string, Settings>(personIds.map((id) => [id, DEFAULT_SETTINGS]));
  for (let i = 0; i < personIds.length; i += BATCH) {
    const rows = await executor
      .select()
      .from(notificationSettings)
      .where(
        and(
          eq(notificationSettings.organisationId, organisationId),
          inArray(notificationSettings.personId, personIds.slice(i, i + BATCH)),
        ),
      );
    for (const r of rows) result.set(r.personId, r);
  }
  return result;
}

/** Whether the person wants email for this kind (global switch and the kind's own). */
export const wantsEmail = (settings: Settings, kind: NotificationKind): boolean =>
  settings.email && (settings.kinds[kind]?.email ?? true);

/** Every kind with its effective email choice, for the settings page. */
export const kindChoices = (settings: Settings) =>
  Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, { email: settings.kinds[k]?.email ?? true }]));

/** What an inbox shows: delivered, or due (the sweep may not have passed yet); urgent rows are delivered at once. */
export const visibleTo = (organisationId: string, personId: string, now: Date): SQL | undefined =>
  and(
    eq(notifications.organisationId, organisationId),
    eq(notifications.recipientId, personId),
    or(sql`${notifications.deliveredAt} is not null`, sql`${notifications.deliverAt} <= ${now}`),
  );

export async function inboxPage(
  executor: Executor,
  where: { organisationId: string; personId: string; now: Date },
  filters: { unread: boolean; kind: NotificationKind | undefined; after: string | undefined; limit: number },
): Promise<NotificationRow[]> {
  const { organisationId, personId, now } = where;
  // Keyset on (deliver_at, id), read from the row itself so no precision is lost on the way.
  const after = filters.after
    ? sql`(${notifications.deliverAt}, ${notifications.id}) < (select c.deliver_at, c.id from ${notifications} c where c.id = ${filters.after} and c.organisation_id = ${organisationId} and c.recipient_id = ${personId})`
    : undefined;
  return executor
    .select()
    .from(notifications)
    .where(
      and(
        visibleTo(organisationId, personId, now),
        filters.unread ? isNull(notifications.readAt) : undefined,
        filters.kind ? eq(notifications.kind, filters.kind) : undefined,
        after,
      ),
    )
    .orderBy(desc(notifications.deliverAt), desc(notifications.id))
    .limit(filters.limit + 1);
}

export async function unreadCount(
  executor: Executor,
  where: { organisationId: string; personId: string; now: Date },
): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(visibleTo(where.organisationId, where.personId, where.now), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Whether `id` is one of the person's own rows (a cursor from someone else's inbox is not). */
export async function ownsNotification(
  executor: Executor,
  organisationId: string,
  personId: string,
  id: string,
): Promise<boolean> {
  const [row] = await executor
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.organisationId, organisationId),
        eq(notifications.recipientId, personId),
        eq(notifications.id, id),
      ),
    );
  return row !== undefined;
}

/** The organisation's urgent notifications created in [from, to), oldest first. */
export function urgentRows(executor: Executor, organisationId: string, from: Date, to: Date) {
  return executor
    .select({
      at: notifications.createdAt,
      senderId: notifications.actorId,
      recipientId: notifications.recipientId,
      kind: notifications.kind,
      outsideHours: notifications.outsideHours,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.organisationId, organisationId),
        eq(notifications.urgent, true),
        gte(notifications.createdAt, from),
        lt(notifications.createdAt, to),
      ),
    )
    .orderBy(notifications.createdAt, notifications.id);
}
