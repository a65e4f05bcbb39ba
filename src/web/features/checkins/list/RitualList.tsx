import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import type { CheckinView } from "../api";
import { scheduleInWords } from "../schedule-text";

/** Rituals as links to their pages, each with its schedule in words and who takes part. */
export function RitualList(props: { checkins: CheckinView[]; label: string }) {
  return (
    <Stack
      component="ul"
      gap="xs"
      style={{ listStyle: "none", padding: 0, margin: 0 }}
      aria-label={props.label}
    >
      {props.checkins.map((c) => (
        <Stack component="li" key={c.id} gap={0}>
          <Group gap="xs">
            <Anchor component={Link} to={`/checkins/${c.id}`} fw={600}>
              {c.name}
            </Anchor>
            {c.paused && (
              <Badge color="gray" variant="light">
                Paused
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {scheduleInWords(c.schedule)} · {c.teamName ? `${c.teamName} · ` : ""}
            {c.participants.length} {c.participants.length === 1 ? "person" : "people"}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
