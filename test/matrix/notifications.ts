import { createWebhook } from "../../src/server/modules/notifications";
import { actorOf } from "../support/factories";
import type { MatrixContext, RouteCase } from "../support/matrix";
import { everyRole, onlyRoles } from "../support/matrix";

// ── Inbox, settings, urgent log, test notification ──────────────────────────────────────────────────
const settingsBody = { email: true, digest: { enabled: true, localTime: "08:30" }, kinds: {} };

const notificationCases: RouteCase[] = [
  // Everyone has an inbox of their own, the foreign caller too (in their organisation).
  { route: "GET /api/v1/inbox", expect: everyRole(200) },
  {
    route: "POST /api/v1/inbox/read",
    prepare: async () => ({ body: { all: true } }),
    expect: everyRole(204),
  },
  { route: "GET /api/v1/me/notification-settings", expect: everyRole(200) },
  {
    route: "PUT /api/v1/me/notification-settings",
    prepare: async () => ({ body: settingsBody }),
    expect: everyRole(200),
    badInput: { wrongType: { field: "email", value: 3 }, oversized: "digest.localTime" },
  },
  {
    route: "GET /api/v1/notifications/urgent-log",
    // The foreign caller is a member of their own organisation.
    expect: onlyRoles(200, ["admin", "hr"], 403),
  },
  {
    route: "POST /api/v1/notifications/test",
    prepare: async () => ({ body: { urgent: false } }),
    expect: everyRole(202),
    badInput: { wrongType: { field: "urgent", value: 3 } },
  },
];

// ── Webhooks (N3) ────────────────────────────────────────────────────────────────────────────────
/** A reserved name that never resolves: saved as public, and no request ever reaches anyone. */
const HOOK_URL = "https://hooks.example.test/matrix";
const freshWebhook = async (ctx: MatrixContext) =>
  (
    await createWebhook(ctx.env.deps, actorOf(ctx.org.admin), {
      url: HOOK_URL,
      format: "signed",
      events: ["notification.test"],
    })
  ).webhook.id;

const webhookCases: RouteCase[] = [
  {
    route: "POST /api/v1/webhooks",
    prepare: async () => ({ body: { url: HOOK_URL, format: "slack", events: ["webhook.disabled"] } }),
    // Organisation webhooks are for admins; the foreign caller is a member of their own organisation.
    expect: onlyRoles(201, ["admin"], 403),
    badInput: { wrongType: { field: "format", value: 3 }, oversized: "url" },
  },
  // Nobody in the matrix organisation leads a team, so only admins see the list.
  { route: "GET /api/v1/webhooks", expect: onlyRoles(200, ["admin"], 403) },
  {
    route: "DELETE /api/v1/webhooks/:id",
    prepare: async (ctx) => ({ url: `/api/v1/webhooks/${await freshWebhook(ctx)}` }),
    expect: onlyRoles(204, ["admin"]),
  },
  {
    route: "POST /api/v1/webhooks/:id/test",
    prepare: async (ctx) => ({ url: `/api/v1/webhooks/${await freshWebhook(ctx)}/test` }),
    expect: onlyRoles(202, ["admin"]),
  },
  {
    route: "POST /api/v1/webhooks/:id/rotate-secret",
    prepare: async (ctx) => ({ url: `/api/v1/webhooks/${await freshWebhook(ctx)}/rotate-secret` }),
    expect: onlyRoles(200, ["admin"]),
  },
  {
    route: "GET /api/v1/webhooks/:id/deliveries",
    prepare: async (ctx) => ({ url: `/api/v1/webhooks/${await freshWebhook(ctx)}/deliveries` }),
    expect: onlyRoles(200, ["admin"]),
  },
];

export const cases: RouteCase[] = [...notificationCases, ...webhookCases];
