import { Card, Stack, Text, Title } from "@mantine/core";
import { useViewer } from "../../lib/session";
import { AdvisorHomeCard } from "../advisor/AdvisorHomeCard";
import { TodayCard } from "./TodayCard";

export function HomePage() {
  const { person, zone } = useViewer();
  const now = new Intl.DateTimeFormat(undefined, {
    weekday: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: zone,
  }).format(new Date());
  return (
    <Stack>
      <Title order={2}>Welcome, {person.name}</Title>
      <Card withBorder>
        <Text>
          It is {now} in your zone ({zone}).
        </Text>
      </Card>
      <TodayCard />
      <AdvisorHomeCard />
    </Stack>
  );
}
