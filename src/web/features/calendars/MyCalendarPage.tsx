import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { addDays } from "../../../core/time";
import { Loading } from "../../components/Loading";
import { SectionCard } from "../../components/SectionCard";
import { useNow } from "../../lib/now";
import { usePerson, workingTimeQuery } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { mondayOf, weekDays } from "../../lib/week";
import { calendarBusyQuery } from "./api";
import { CalendarFeedSection } from "./CalendarFeedSection";
import { CalendarsSection } from "./CalendarsSection";
import { WeekView } from "./WeekView";
import { validDate } from "./week";

/**
 * My calendar: the person's week (working hours, busy time from their calendars, focus blocks) in
 * the viewer's zone, and where their calendars and feed are managed. `/meetings/calendar/:id` is
 * the same page for an admin managing someone else's calendars (no feed: it is the person's own);
 * the route table refuses it to others.
 */
export function MyCalendarPage() {
  const viewer = useViewer();
  const { id = viewer.person.id } = useParams();
  const person = usePerson(id);
  const isSelf = id === viewer.person.id;
  const name = isSelf ? "My calendar" : `${person.data?.name ?? "…"}'s calendar`;
  return (
    <Stack>
      <Title order={1} size="h2">
        {name}
      </Title>
      <Text c="dimmed">
        {isSelf ? "Your" : "Their"} week in your time ({viewer.zone}): working hours, busy time from connected
        calendars and focus blocks. Hours outside working hours are shaded.
      </Text>
      <WeekSection
        personId={id}
        zone={viewer.zone}
        label={isSelf ? "Your week" : `${person.data?.name ?? "Their"}'s week`}
      />
      <CalendarsSection personId={id} viewerZone={viewer.zone} />
      {isSelf && <CalendarFeedSection viewerZone={viewer.zone} />}
      <Text size="sm">
        Focus blocks are set in{" "}
        <Anchor component={Link} to={isSelf ? "/settings/profile" : `/team/people/${id}/edit`}>
          {isSelf ? "your profile" : "their profile"}
        </Anchor>
        .
      </Text>
    </Stack>
  );
}

function WeekSection({ personId, zone, label }: { personId: string; zone: string; label: string }) {
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const thisWeek = mondayOf(zone, now);
  const monday = validDate(params.get("week")) ?? thisWeek;
  const days = weekDays(zone, monday);
  const window = { start: days[0]?.start ?? now, end: days.at(-1)?.end ?? now };
  const working = useQuery(workingTimeQuery(personId, window));
  const calendar = useQuery(calendarBusyQuery(personId, window));
  const go = (week: string) => setParams(week === thisWeek ? {} : { week }, { replace: true });
  const title = `Week of ${days[0]?.title ?? monday}`;
  return (
    <SectionCard id="week" title={title}>
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={() => go(addDays(monday, -7))}>
          Previous week
        </Button>
        <Button variant="default" size="xs" onClick={() => go(thisWeek)} disabled={monday === thisWeek}>
          This week
        </Button>
        <Button variant="default" size="xs" onClick={() => go(addDays(monday, 7))}>
          Next week
        </Button>
      </Group>
      {working.data && calendar.data ? (
        <WeekView label={label} days={days} zone={zone} data={{ working: working.data, ...calendar.data }} />
      ) : (
        <Loading error={working.error ?? calendar.error} />
      )}
    </SectionCard>
  );
}
