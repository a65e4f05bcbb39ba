import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { addDays } from "../../../core/time";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { useNow } from "../../lib/now";
import { useViewer } from "../../lib/session";
import { formatDate } from "../../lib/time";
import { mondayOf, weekDays } from "../../lib/week";
import { useMeetings } from "./api";
import { MeetingCard } from "./list/MeetingCard";
import { byDay } from "./list/week";

/** My meetings, a week at a time, on my wall clock: each day's meetings with cost, my answer and flags. */
export function MeetingsPage() {
  const viewer = useViewer();
  const now = useNow();
  const current = mondayOf(viewer.zone, now);
  const [monday, setMonday] = useState(current);
  const days = weekDays(viewer.zone, monday);
  const from = new Date(days[0]?.start ?? 0).toISOString();
  const to = new Date(days.at(-1)?.end ?? 0).toISOString();
  const meetings = useMeetings(from, to);
  const week = `${formatDate(monday)} – ${formatDate(addDays(monday, 6))}`;

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Meetings
        </Title>
        <Button component={Link} to="/meetings/new">
          New meeting
        </Button>
      </Group>
      <Text c="dimmed">
        Your meetings in your zone ({viewer.zone}). Cost is person-hours: everyone who has not declined, times
        the length.
      </Text>
      <Group gap="xs" component="nav" aria-label="Week">
        <Button variant="default" onClick={() => setMonday(addDays(monday, -7))}>
          Previous week
        </Button>
        <Button variant="default" onClick={() => setMonday(current)} disabled={monday === current}>
          This week
        </Button>
        <Button variant="default" onClick={() => setMonday(addDays(monday, 7))}>
          Next week
        </Button>
        <Text fw={600} aria-live="polite">
          {week}
        </Text>
      </Group>
      {!meetings.data ? (
        <Loading error={meetings.error} />
      ) : meetings.data.length === 0 ? (
        <EmptyHint
          title={monday === current ? "No meetings this week" : "No meetings in this week"}
          action={
            <Group gap="xs">
              <Button component={Link} to="/meetings/new">
                New meeting
              </Button>
              <Button component={Link} to="/agreement/advisor" variant="default">
                Should this be a meeting?
              </Button>
            </Group>
          }
        >
          Meetings you organise or are invited to appear here, each with its cost and whether it has an
          agenda. A new meeting starts with one question: could this be async instead?
        </EmptyHint>
      ) : (
        byDay(days, meetings.data)
          .filter((d) => d.meetings.length > 0)
          .map(({ day, meetings: onDay }) => (
            <Stack key={day.date} gap="xs" component="section" aria-labelledby={`day-${day.date}`}>
              <Title order={2} size="h4" id={`day-${day.date}`}>
                {day.title}
              </Title>
              <Stack component="ul" gap="xs" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                {onDay.map((m) => (
                  <MeetingCard key={m.id} meeting={m} zone={viewer.zone} />
                ))}
              </Stack>
            </Stack>
          ))
      )}
    </Stack>
  );
}
