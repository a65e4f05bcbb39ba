import type { WebhookDeliveryView, WebhookView } from "./api";

export const FORMAT_LABELS: Record<WebhookView["format"], string> = {
  slack: "Slack-compatible (text and blocks)",
  signed: "Signed JSON (X-Tandem-Signature: HMAC-SHA256)",
};

export const DELIVERY_STATUS: Record<WebhookDeliveryView["status"], { label: string; color: string }> = {
  pending: { label: "waiting to send", color: "blue" },
  retrying: { label: "retrying", color: "yellow" },
  delivered: { label: "delivered", color: "green" },
  failed: { label: "failed", color: "red" },
};
