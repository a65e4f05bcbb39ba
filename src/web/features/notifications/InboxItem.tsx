import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";
import { ServerHtml } from "../agreement";
import type { InboxItemView } from "./api";
import { kindLabel } from "./kinds";

/** One notification: its subject, the body as the server rendered it, when it arrived (viewer's zone). */
export function InboxItem(props: { item: InboxItemView; marking: boolean; onMarkRead(): void }) {
  const { item } = props;
  const { zone } = useViewer();
  const unread = item.readAt === null;
  return (
    <Card
      component="li"
      withBorder
      style={unread ? { borderLeft: "4px solid var(--mantine-primary-color-filled)" } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            {item.subject}
          </Title>
          <Group gap="xs">
            {item.urgent && (
              <Badge color="red.9" variant="filled">
                urgent
              </Badge>
            )}
            {unread && <Badge variant="light">unread</Badge>}
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {kindLabel(item.kind)} · {formatDateTime(item.deliverAt, zone)}
        </Text>
        <ServerHtml html={item.html} />
        <Group gap="sm">
          {item.link && (
            <Anchor component={Link} to={item.link} size="sm" aria-label={`Open: ${item.subject}`}>
              Open
            </Anchor>
          )}
          {unread && (
            <Button
              variant="subtle"
              size="compact-sm"
              loading={props.marking}
              onClick={props.onMarkRead}
              aria-label={`Mark read: ${item.subject}`}
            >
              Mark read
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
