import { Button, Card, Group, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useViewer } from "../../lib/session";
import { useDueCheckins } from "./api";
import { DueList } from "./list/DueList";

/** Home's "Check-ins due": my open check-ins with their windows in my zone and the way to answer. */
export function CheckinsDueCard() {
  const viewer = useViewer();
  const due = useDueCheckins();
  const occurrences = due.data;
  return (
    <Card withBorder component="section" aria-labelledby="checkins-due-heading">
      <Title order={3} id="checkins-due-heading" size="h4" mb="xs">
        Check-ins due
      </Title>
      {due.error && <Text c="red.8">Your check-ins could not be loaded; reload the page to try again.</Text>}
      {occurrences?.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing to answer. A check-in you take part in waits here, at your own local time, until its window
          closes.
        </Text>
      )}
      {occurrences && occurrences.length > 0 && (
        <DueList occurrences={occurrences} zone={viewer.zone} compact />
      )}
      <Group mt="xs">
        <Button component={Link} to="/checkins" variant="subtle" size="compact-sm">
          All check-ins
        </Button>
      </Group>
    </Card>
  );
}
