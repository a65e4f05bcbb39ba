import { Anchor, Card, Checkbox, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { ActionItemView } from "../../../../contracts/meetings";
import { FormError } from "../../../components/FormError";
import { useAction } from "../../../lib/action";
import { sourceOf } from "../../../lib/action-item-source";
import { formatDate } from "../../../lib/time";
import { meetingKeys, setActionItemStatus, useMyActionItems } from "../api";

/** Home's "My action items": what I owe from meetings and threads, open ones, each with its due date and source. */
export function ActionItemsCard() {
  const items = useMyActionItems();
  // Ticked at once, in the click's own render, and kept until the refreshed list drops the item (or the
  // change fails): following the request's pending state instead left it unticked for a moment after the click.
  const [ticked, setTicked] = useState<string | null>(null);
  const done = useAction((item: ActionItemView) => setActionItemStatus(item.id, "done"), {
    refresh: [meetingKeys.all],
    done: "Marked done",
  });
  return (
    <Card withBorder component="section" aria-labelledby="action-items-heading">
      <Title order={3} id="action-items-heading" size="h4" mb="xs">
        My action items
      </Title>
      {items.error && (
        <Text c="red.8">Your action items could not be loaded; reload the page to try again.</Text>
      )}
      {items.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing open. Action items given to you in a meeting or a thread appear here until you mark them
          done.
        </Text>
      )}
      {items.data && items.data.length > 0 && (
        <Stack component="ul" gap="xs" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {items.data.map((item) => (
            <Group component="li" key={item.id} gap="sm" wrap="nowrap" align="flex-start">
              <Checkbox
                aria-label={`Mark done: ${item.text}`}
                checked={ticked === item.id}
                disabled={done.isPending}
                onChange={() => {
                  setTicked(item.id);
                  done.mutate(item, { onError: () => setTicked(null) });
                }}
                mt={3}
              />
              <Stack gap={0}>
                <Text size="sm">{item.text}</Text>
                <Text size="xs" c="dimmed">
                  {item.due ? `Due ${formatDate(item.due)} · ` : ""}
                  from{" "}
                  <Anchor component={Link} to={sourceOf(item)} inherit underline="always">
                    {item.meetingTitle}
                  </Anchor>
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
      <FormError error={done.error} />
    </Card>
  );
}
