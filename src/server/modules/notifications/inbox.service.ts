import { and, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import { uuid } from "../../../contracts/common";
import type { InboxItemView, InboxPage, inboxQuery } from "../../../contracts/notifications";
import type { Deps } from "../../deps";
import { invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { renderMarkdown } from "../../platform/markdown";
import {
  inboxPage,
  type NotificationRow,
  ownsNotification,
  unreadCount,
  visibleTo,
} from "./notifications.repo";
import { notify } from "./notifications.service";
import { notifications } from "./notifications.table";

const DEFAULT_PAGE = 30;

function present(row: NotificationRow): InboxItemView {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    html: renderMarkdown(row.body),
    link: row.link,
    urgent: row.urgent,
    createdAt: row.createdAt.toISOString(),
    deliverAt: row.deliverAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** The caller's inbox, newest delivery first: only what has reached them (never what waits for their hours). */
export async function listInbox(
  deps: Deps,
  actor: Actor,
  query: z.infer<typeof inboxQuery>,
): Promise<InboxPage> {
  const where = { organisationId: actor.organisationId, personId: actor.personId, now: deps.clock.now() };
  const cursor = query.cursor;
  if (
    cursor !== undefined &&
    (!uuid.safeParse(cursor).success ||
      !(await ownsNotification(deps.db, where.organisationId, where.personId, cursor)))
  )
    throw invalid("cursor", "is not the nextCursor of an earlier page of your inbox");
  const limit = query.limit ?? DEFAULT_PAGE;
  const [rows, unread] = await Promise.all([
    inboxPage(deps.db, where, { unread: query.unread === "true", kind: query.kind, after: cursor, limit }),
    unreadCount(deps.db, where),
  ]);
  const items = rows.slice(0, limit);
  return {
    items: items.map(present),
    nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null,
    unreadCount: unread,
  };
}

/** Marks the caller's own items read; ids of anyone else's are simply not theirs, so nothing changes. */
export async function markRead(
  deps: Deps,
  actor: Actor,
  body: { ids: string[] } | { all: true },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        visibleTo(actor.organisationId, actor.personId, now),
        isNull(notifications.readAt),
        "ids" in body ? inArray(notifications.id, body.ids) : undefined,
      ),
    );
}

/** Sends the caller a test notification through the real path (hours, inbox, email, live event). */
export async function sendTestNotification(
  deps: Deps,
  actor: Actor,
  body: { urgent?: boolean | undefined },
): Promise<{ id: string }> {
  const urgent = body.urgent ?? false;
  const ids = await deps.db.transaction((tx) =>
    notify(tx, deps, {
      organisationId: actor.organisationId,
      recipients: [actor.personId],
      kind: "notification.test",
      subject: urgent ? "Urgent test notification" : "Test notification",
      body: urgent
        ? "You asked for an urgent test notification. Urgent notifications arrive at once, whatever your hours, and are logged."
        : "You asked for a test notification. It reaches you inside your notification hours.",
      link: "/settings/notifications",
      urgent,
      actorId: actor.personId,
    }),
  );
  const id = ids.get(actor.personId);
  if (!id) throw new Error("notify returned no row for the caller");
  return { id };
}
