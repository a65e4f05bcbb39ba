import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { ActionItemView } from "../../../contracts/meetings";
import { sourceOf } from "../../lib/action-item-source";
import { get } from "../../lib/api";
import { formatDate } from "../../lib/time";

/**
 * A team's open action items, for its leads (the server answers 403 to anyone else): those agreed in
 * the team's meetings and in threads addressed to the team, never a one-to-one's.
 */
export function TeamActionItems({ teamId, names }: { teamId: string; names: Map<string, string> }) {
  const items = useQuery({
    // Under "meetings", so a meeting.changed live event refreshes it as it does "My action items".
    queryKey: ["meetings", "action-items", "team", teamId],
    queryFn: () => get<{ actionItems: ActionItemView[] }>(`/action-items?teamId=${teamId}&status=open`),
    select: (d) => d.actionItems,
  });
  return (
    <Card withBorder component="section" aria-labelledby="team-actions-heading">
      <Title order={3} id="team-actions-heading" mb="xs">
        Open action items
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Shown to the team's leads: from the team's meetings and the threads addressed to the team.
      </Text>
      {items.error && (
        <Text c="red.8">The action items could not be loaded; reload the page to try again.</Text>
      )}
      {items.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing open. Action items agreed in the team's meetings and threads appear here.
        </Text>
      )}
      {items.data && items.data.length > 0 && (
        <Stack component="ul" gap="xs" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {items.data.map((item) => (
            <Stack component="li" key={item.id} gap={0}>
              <Text size="sm">
                {item.text} — {names.get(item.ownerId) ?? "someone"}
              </Text>
              <Text size="xs" c="dimmed">
                {item.due ? `Due ${formatDate(item.due)} · ` : ""}
                from{" "}
                <Anchor component={Link} to={sourceOf(item)} inherit underline="always">
                  {item.meetingTitle}
                </Anchor>
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}
