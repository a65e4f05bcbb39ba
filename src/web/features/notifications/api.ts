import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type {
  InboxPage,
  NotificationKind,
  NotificationSettingsView,
  UrgentLogView,
  WebhookDeliveryView,
  WebhookView,
} from "../../../contracts/notifications";
import { get } from "../../lib/api";

export type {
  InboxItemView,
  NotificationKind,
  NotificationSettingsView,
  UrgentLogView,
  WebhookDeliveryView,
  WebhookView,
} from "../../../contracts/notifications";

/**
 * Query keys. Everything under `inbox` (the bell and the inbox list) goes stale together: when a
 * notification is delivered (live event) and when something is marked read.
 */
export const notificationKeys = {
  inbox: ["notifications", "inbox"] as const,
  bell: ["notifications", "inbox", "bell"] as const,
  list: (filters: InboxFilters) => ["notifications", "inbox", "list", filters] as const,
  settings: ["notifications", "settings"] as const,
  webhooks: ["notifications", "webhooks"] as const,
  deliveries: (id: string) => ["notifications", "webhooks", id, "deliveries"] as const,
  urgentLog: ["notifications", "urgent-log"] as const,
};

export interface InboxFilters {
  unreadOnly: boolean;
  kind: NotificationKind | null;
}

const PAGE_SIZE = 20;

/** The bell's number: delivered and unread, whatever the filters. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.bell,
    queryFn: () => get<InboxPage>("/inbox?unread=true&limit=1"),
    select: (page) => page.unreadCount,
  });
}

/** The inbox newest first, page by page (`nextCursor`), with its filters. */
export function useInbox(filters: InboxFilters) {
  const query = useInfiniteQuery({
    queryKey: notificationKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (filters.unreadOnly) params.set("unread", "true");
      if (filters.kind) params.set("kind", filters.kind);
      if (pageParam) params.set("cursor", pageParam);
      return get<InboxPage>(`/inbox?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages ?? [];
  return { ...query, items: pages.flatMap((p) => p.items), unreadCount: pages[0]?.unreadCount ?? 0 };
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings,
    queryFn: () => get<NotificationSettingsView>("/me/notification-settings"),
  });
}

export function useWebhooks(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.webhooks,
    queryFn: () => get<{ webhooks: WebhookView[] }>("/webhooks"),
    select: (d) => d.webhooks,
    enabled,
  });
}

export function useDeliveries(id: string) {
  return useQuery({
    queryKey: notificationKeys.deliveries(id),
    queryFn: () => get<{ deliveries: WebhookDeliveryView[] }>(`/webhooks/${id}/deliveries`),
    select: (d) => d.deliveries,
  });
}

const WEEK_MS = 7 * 24 * 3600_000;

/** The urgent log of the last `weeks` weeks, up to now. */
export function useUrgentLog(weeks: number) {
  return useQuery({
    queryKey: [...notificationKeys.urgentLog, weeks],
    queryFn: () => {
      const to = Date.now();
      const params = new URLSearchParams({
        from: new Date(to - weeks * WEEK_MS).toISOString(),
        to: new Date(to).toISOString(),
      });
      return get<UrgentLogView>(`/notifications/urgent-log?${params}`);
    },
    placeholderData: keepPreviousData,
  });
}
