import { Accordion, Badge, Group, Stack, Text, Title } from "@mantine/core";
import type { OutboxEmailView } from "../../../contracts/onboarding";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { LoadMore } from "../../components/LoadMore";
import { usePaged } from "../../lib/paged";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";

const STATUS: Record<OutboxEmailView["status"], { label: string; color: string }> = {
  queued: { label: "waiting to send", color: "blue" },
  sent: { label: "sent", color: "green" },
  kept: { label: "kept here (no mail server)", color: "gray" },
  failed: { label: "failed", color: "red" },
};

/** Admin: every email Tandem sent or holds; without a mail server, invitations wait here to be passed on. */
export function OutboxPage() {
  const { zone } = useViewer();
  const outbox = usePaged<OutboxEmailView>("/outbox", "emails", "cursor");
  return (
    <Stack>
      <Title order={1} size="h2">
        Outbox
      </Title>
      <Text c="dimmed">
        Emails Tandem has sent, newest first. When no mail server is configured (SMTP_URL), they are kept here
        so you can pass invitation links on yourself.
      </Text>
      {outbox.isPending && <Loading error={outbox.error} />}
      {outbox.isSuccess && outbox.items.length === 0 && (
        <EmptyHint title="No emails yet">
          Invitations and other emails appear here as Tandem sends them.
        </EmptyHint>
      )}
      {outbox.items.length > 0 && (
        <Accordion variant="separated" aria-label="Emails">
          {outbox.items.map((e) => (
            <Accordion.Item key={e.id} value={e.id}>
              <Accordion.Control>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text size="sm" fw={500}>
                    {e.subject}
                  </Text>
                  <Group gap="xs">
                    <Text size="xs">to {e.to}</Text>
                    <Text size="xs">{formatDateTime(e.createdAt, zone)}</Text>
                    <Badge color={STATUS[e.status].color} variant="light">
                      {STATUS[e.status].label}
                    </Badge>
                  </Group>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {e.error && (
                  <Text size="sm" c="red.8" mb="xs">
                    {e.error}
                  </Text>
                )}
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {e.text}
                </Text>
                {e.attachments.length > 0 && (
                  <Text size="xs" c="dimmed" mt="xs">
                    Attached: {e.attachments.map((a) => a.filename).join(", ")}
                  </Text>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      <LoadMore
        hasMore={outbox.hasNextPage}
        loading={outbox.isFetchingNextPage}
        onMore={() => outbox.fetchNextPage()}
      />
    </Stack>
  );
}
