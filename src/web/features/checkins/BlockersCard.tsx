import { Button, Card, Group, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useBlockers } from "./api";
import { BlockerList } from "./digest/BlockerList";

/**
 * Home's "Blockers waiting on me": open blockers that name me as the one who can unblock, until
 * resolved. Its own chunk, loaded lazily under a Suspense on Home.
 */
export function BlockersCard() {
  const waiting = useBlockers({ assignee: "me", status: "open" });
  const blockers = waiting.data;
  return (
    <Card withBorder component="section" aria-labelledby="blockers-card-heading">
      <Title order={3} id="blockers-card-heading" size="h4" mb="xs">
        Blockers waiting on me
      </Title>
      {waiting.error && <Text c="red.8">Blockers could not be loaded; reload the page to try again.</Text>}
      {blockers?.length === 0 && (
        <Text size="sm" c="dimmed">
          Nobody is waiting on you. When someone's check-in names you as the person who can unblock them, it
          appears here until it is resolved.
        </Text>
      )}
      {blockers && blockers.length > 0 && <BlockerList blockers={blockers} showRitual />}
      {blockers && blockers.length > 0 && (
        <Group mt="xs">
          <Button component={Link} to="/checkins/blockers" variant="subtle" size="compact-sm">
            All blockers
          </Button>
        </Group>
      )}
    </Card>
  );
}
