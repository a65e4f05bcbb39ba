import { Badge, Button, Card, Code, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FormError } from "../../components/FormError";
import { useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";
import { notificationKeys, type WebhookView } from "./api";
import { kindLabel } from "./kinds";
import { WebhookDeliveries } from "./WebhookDeliveries";
import type { Created } from "./WebhookForm";
import { FORMAT_LABELS } from "./webhook-text";

/** One webhook: where it posts, what, whether it is on (and why not), and what can be done with it. */
export function WebhookCard(props: {
  webhook: WebhookView;
  teamName: string | null;
  onRotated(created: Created): void;
}) {
  const { webhook: w } = props;
  const { zone } = useViewer();
  const [showDeliveries, setShowDeliveries] = useState(false);
  const refresh = [notificationKeys.webhooks];
  const test = useAction(() => api("POST", `/webhooks/${w.id}/test`), {
    refresh: [notificationKeys.deliveries(w.id)],
    done: "Test event queued: see its delivery below.",
    onDone: () => setShowDeliveries(true),
  });
  const rotate = useAction(() => api<Created>("POST", `/webhooks/${w.id}/rotate-secret`), {
    refresh,
    onDone: props.onRotated,
  });
  const remove = useAction(() => api("DELETE", `/webhooks/${w.id}`), { refresh, done: "Webhook deleted" });
  const headingId = `webhook-${w.id}`;
  return (
    <Card withBorder component="li" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={headingId} style={{ wordBreak: "break-all" }}>
            {w.url}
          </Title>
          {w.enabled ? (
            <Badge color="green" variant="light">
              enabled
            </Badge>
          ) : (
            <Badge color="red" variant="light">
              disabled
            </Badge>
          )}
        </Group>
        {!w.enabled && w.disabledReason && (
          <Text size="sm" c="red.8">
            Switched off: {w.disabledReason}
          </Text>
        )}
        <Text size="sm">
          {FORMAT_LABELS[w.format]} · {props.teamName ? `team ${props.teamName}` : "the whole organisation"} ·
          added {formatDateTime(w.createdAt, zone)}
        </Text>
        <Text size="sm">
          Events: {w.events.map((e) => kindLabel(e)).join("; ")} (<Code>{w.events.join(", ")}</Code>)
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            size="compact-sm"
            loading={test.isPending}
            onClick={() => test.mutate(undefined)}
          >
            Send a test event
          </Button>
          <Button variant="default" size="compact-sm" onClick={() => setShowDeliveries(!showDeliveries)}>
            {showDeliveries ? "Hide deliveries" : "Show deliveries"}
          </Button>
          <ConfirmButton
            question="Rotate the secret? The receiver must switch to the new one: signatures made with the old one stop matching at once."
            confirmLabel="Rotate secret"
            color="orange"
            onConfirm={() => rotate.mutate(undefined)}
            loading={rotate.isPending}
          >
            Rotate secret
          </ConfirmButton>
          <ConfirmButton
            question={`Delete the webhook to ${w.url}? Tandem stops sending to it at once.`}
            confirmLabel="Delete webhook"
            onConfirm={() => remove.mutate(undefined)}
            loading={remove.isPending}
          >
            Delete
          </ConfirmButton>
        </Group>
        <FormError error={test.error ?? rotate.error ?? remove.error} />
        {showDeliveries && <WebhookDeliveries id={w.id} />}
      </Stack>
    </Card>
  );
}
