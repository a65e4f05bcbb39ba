/**
 * The notifications feature's door: the bell for the top bar, the query keys
 * live events make stale; pages (inbox, settings, webhooks, urgent log) load on first visit.
 */
import { lazyPage } from "../../lib/lazy-page";

export { notificationKeys } from "./api";
export { NotificationBell } from "./NotificationBell";
export const InboxPage = lazyPage(() => import("./InboxPage"), "InboxPage");
export const NotificationSettingsPage = lazyPage(
  () => import("./NotificationSettingsPage"),
  "NotificationSettingsPage",
);
export const WebhooksPage = lazyPage(() => import("./WebhooksPage"), "WebhooksPage");
export const UrgentLogPage = lazyPage(() => import("./UrgentLogPage"), "UrgentLogPage");
