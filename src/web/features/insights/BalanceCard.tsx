import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useViewer } from "../../lib/session";
import { mondayOf } from "../../lib/week";
import { useMyInsights } from "./api";
import { figure } from "./text";

/**
 * Home's "Balance this week": my meeting hours against the agreement's budget (a meter) and my focus
 * hours so far. No chart code here: Home's first load stays small.
 */
export function BalanceCard() {
  const viewer = useViewer();
  const monday = mondayOf(viewer.zone, Date.now());
  const insights = useMyInsights({ from: monday });
  const data = insights.data;
  const week = data?.weeks.at(-1);
  const budget = data?.budget.weeklyMeetingHours;
  return (
    <Card withBorder component="section" aria-labelledby="balance-heading">
      <Title order={3} id="balance-heading" size="h4" mb="xs">
        Balance this week
      </Title>
      {insights.error && (
        <Text c="red.8" size="sm">
          Your balance could not be loaded; reload the page to try again.
        </Text>
      )}
      {data && !week && (
        <Text size="sm" c="dimmed">
          Nothing counted yet this week: your meeting hours and focus time appear here as the week fills in.
        </Text>
      )}
      {week && budget !== undefined && (
        <Stack gap={6}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm" id="balance-meetings">
              Meeting hours: {figure(week.meetingHours)} of {figure(budget)} h budget
            </Text>
            {week.meetingHours > budget && (
              <Text size="sm" c="red.8">
                {figure(week.meetingHours - budget)} h over
              </Text>
            )}
          </Group>
          <meter
            aria-labelledby="balance-meetings"
            min={0}
            max={Math.max(budget, week.meetingHours)}
            low={budget * 0.8}
            high={budget}
            optimum={0}
            value={week.meetingHours}
            style={{ width: "100%", height: 14 }}
          />
          <Text size="sm">Focus hours: {figure(week.focusHours)} h</Text>
        </Stack>
      )}
      <Group mt="xs" gap={6}>
        <Anchor component={Link} to="/insights" size="sm">
          My insights
        </Anchor>
        <Text size="xs" c="dimmed">
          (only you can see these)
        </Text>
      </Group>
    </Card>
  );
}
