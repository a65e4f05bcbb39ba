import type { Deps } from "../../deps";
import { defineModule } from "../../platform/module";
import { deliverDueNotificationsJob, sendDigestsJob } from "./notifications.jobs";
import { registerNotificationRoutes } from "./notifications.routes";
import { deliverWebhookJob, webhookRetriesJob } from "./webhooks.deliver";
import { registerWebhookRoutes } from "./webhooks.routes";

export { deliverDueNotificationsJob, sendDigestsJob } from "./notifications.jobs";
export { type Notification, notify } from "./notifications.service";
export { notificationSettings, notifications } from "./notifications.table";
export { deliverWebhookJob, webhookRetriesJob } from "./webhooks.deliver";
export { createWebhook, queueWebhookEvents } from "./webhooks.service";
export { webhooks } from "./webhooks.table";

export const notificationsModule = defineModule<Deps>({
  name: "notifications",
  routes: [registerNotificationRoutes, registerWebhookRoutes],
  jobs: [deliverDueNotificationsJob, sendDigestsJob, deliverWebhookJob, webhookRetriesJob],
});
