import { Anchor, Card, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useNow } from "../../lib/now";
import { workingTimeQuery } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { formatSpan, localDay } from "../../lib/time";

/** My working hours today, in my zone (pattern in the zone in force, minus absences). */
export function TodayCard() {
  const viewer = useViewer();
  const now = useNow();
  const today = localDay(viewer.zone, now);
  const hours = useQuery(workingTimeQuery(viewer.person.id, today));
  return (
    <Card withBorder component="section" aria-labelledby="today-heading">
      <Title order={3} id="today-heading" size="h4" mb="xs">
        Today
      </Title>
      {hours.data && (
        <Text>
          {hours.data.length === 0
            ? "You are not working today."
            : `Your working hours: ${hours.data.map((s) => formatSpan(s, viewer.zone)).join(", ")}.`}
        </Text>
      )}
      {hours.error && <Text c="red.8">Your hours could not be loaded; reload the page to try again.</Text>}
      <Anchor component={Link} to="/settings/profile" size="sm">
        Change your working pattern
      </Anchor>
    </Card>
  );
}
