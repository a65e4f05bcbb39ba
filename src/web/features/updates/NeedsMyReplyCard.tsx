import { Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useNow } from "../../lib/now";
import { useViewer } from "../../lib/session";
import { useFeed } from "./api";
import { myReplyBy } from "./feed/item-text";

/** Home's "Needs my reply": updates that name me as a required responder, each with my reply-by in my zone. */
export function NeedsMyReplyCard() {
  const viewer = useViewer();
  const now = useNow();
  const waiting = useFeed({ needsMyReply: "true", limit: "5" });
  const updates = waiting.data?.updates;
  return (
    <Card withBorder component="section" aria-labelledby="needs-my-reply-heading">
      <Title order={3} id="needs-my-reply-heading" size="h4" mb="xs">
        Needs my reply
      </Title>
      {waiting.error && (
        <Text c="red.8">What waits for your reply could not be loaded; reload the page to try again.</Text>
      )}
      {updates?.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing waits for your reply. Updates that name you as a required responder appear here, each with
          the time to reply by in your working hours.
        </Text>
      )}
      {updates && updates.length > 0 && (
        <Stack component="ul" gap="xs" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {updates.map((u) => {
            const reply = myReplyBy(u, viewer.person.id, viewer.zone, now);
            return (
              <Stack component="li" key={u.id} gap={0}>
                <Anchor component={Link} to={`/updates/${u.id}`} size="sm" fw={u.unread ? 700 : 500}>
                  {u.title}
                </Anchor>
                <Text size="xs" c={reply?.overdue ? "red.8" : "dimmed"} fw={reply?.overdue ? 600 : undefined}>
                  {reply?.text ?? "Reply when you can"} · from {u.authorName}
                </Text>
              </Stack>
            );
          })}
        </Stack>
      )}
      {updates && updates.length > 0 && (
        <Group mt="xs">
          <Button component={Link} to="/updates?needsMyReply=true" variant="subtle" size="compact-sm">
            Everything that needs your reply
          </Button>
        </Group>
      )}
    </Card>
  );
}
