import { Card, Stack, Text, Title } from "@mantine/core";
import { Suspense } from "react";
import { useViewer } from "../../lib/session";
import { formatWeekdayTime } from "../../lib/time";
import { AdvisorHomeCard } from "../advisor";
import { BlockersCard, CheckinsDueCard } from "../checkins";
import { BalanceCard } from "../insights";
import { ActionItemsCard } from "../meetings";
import { NeedsMyReplyCard } from "../updates";
import { TodayCard } from "./TodayCard";

export function HomePage() {
  const { person, zone } = useViewer();
  const now = formatWeekdayTime(Date.now(), zone);
  return (
    <Stack>
      <Title order={1}>Welcome, {person.name}</Title>
      <Card withBorder>
        <Text>
          It is {now} in your zone ({zone}).
        </Text>
      </Card>
      <TodayCard />
      <Suspense fallback={null}>
        <NeedsMyReplyCard />
      </Suspense>
      <Suspense fallback={null}>
        <CheckinsDueCard />
      </Suspense>
      <Suspense fallback={null}>
        <BlockersCard />
      </Suspense>
      <Suspense fallback={null}>
        <BalanceCard />
      </Suspense>
      <Suspense fallback={null}>
        <ActionItemsCard />
      </Suspense>
      <AdvisorHomeCard />
    </Stack>
  );
}
