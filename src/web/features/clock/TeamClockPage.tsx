import { Alert, Button, Card, List, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useQueries } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { PersonName } from "../../components/PersonName";
import { useNow } from "../../lib/now";
import { usePeople, useTeams, workingTimeQuery } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { clockDays, describeSpans, spansOn } from "./clock";
import { TeamClockChart } from "./TeamClockChart";
import { daySentence, sharedByDay } from "./who-works";

/** A team's working hours today and the next two days, on one timeline in the viewer's zone. */
export function TeamClockPage() {
  const viewer = useViewer();
  const now = useNow();
  const compact = useMediaQuery("(max-width: 48em)");
  const [params, setParams] = useSearchParams();
  const teams = useTeams();
  const mine = teams.data?.find((t) => t.members.some((m) => m.personId === viewer.person.id));
  const teamId = params.get("team") ?? mine?.id ?? teams.data?.[0]?.id ?? null;
  const members = usePeople({ teamId }, Boolean(teamId));
  const days = clockDays(viewer.zone, now);
  const first = days[0]?.start ?? now;
  const last = days.at(-1)?.end ?? now;
  const people = teamId ? (members.data ?? []) : [];
  const hours = useQueries({
    queries: people.map((p) => workingTimeQuery(p.id, { start: first, end: last })),
  });
  const rows = people.map((person, i) => ({ person, spans: hours[i]?.data }));
  const clockMembers = rows.map((r) => ({ ...r.person, spans: r.spans }));
  const shared = sharedByDay(clockMembers, days);
  const loading = members.isPending || hours.some((h) => h.isPending);

  if (!teams.data) return <Loading error={teams.error} />;
  return (
    <Stack>
      <Title order={1} size="h2">
        Team clock
      </Title>
      <Text c="dimmed">
        Everyone's working hours for today and the next two days, shown in your time ({viewer.zone}).
      </Text>
      {teams.data.length === 0 ? (
        <EmptyHint
          title="No teams yet"
          action={
            <Button component={Link} to="/team/teams">
              Create a team
            </Button>
          }
        >
          The team clock shows when a team's members work and when they all overlap. Create a team first.
        </EmptyHint>
      ) : (
        <Select
          label="Team"
          data={teams.data.map((t) => ({ value: t.id, label: t.name }))}
          value={teamId}
          allowDeselect={false}
          onChange={(id) => id && setParams({ team: id })}
          maw={320}
        />
      )}
      {teamId && !loading && people.length === 0 && (
        <EmptyHint title="This team has no members">
          Add people on the team's page to see their hours here.
        </EmptyHint>
      )}
      {teamId && loading && <Loading error={members.error ?? hours.find((h) => h.error)?.error} />}
      {teamId && !loading && people.length > 0 && (
        <>
          <Alert
            color={shared.length > 0 ? "yellow" : "gray"}
            title="When the team overlaps"
            aria-live="polite"
          >
            <List spacing={2} size="sm" data-testid="overlap-summary">
              {days.map((day) => (
                <List.Item key={day.date}>
                  {people.length < 2
                    ? `Only one person in this team ${day.word}`
                    : daySentence(clockMembers, day, viewer.zone)}
                </List.Item>
              ))}
            </List>
          </Alert>
          <Card withBorder>
            <TeamClockChart
              days={days}
              rows={rows}
              shared={shared}
              now={now}
              viewerZone={viewer.zone}
              compact={compact}
            />
          </Card>
          <HoursTable rows={rows} days={days} now={now} viewerZone={viewer.zone} />
        </>
      )}
    </Stack>
  );
}

function HoursTable(props: {
  rows: {
    person: { id: string; name: string; timeZone: string };
    spans: { start: number; end: number }[] | undefined;
  }[];
  days: ReturnType<typeof clockDays>;
  now: number;
  viewerZone: string;
}) {
  return (
    <Table aria-label="Working hours in your time" captionSide="top">
      <Table.Caption>Working hours in your time ({props.viewerZone})</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          {props.days.map((d) => (
            <Table.Th key={d.date}>{d.title}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((row) => (
          <Table.Tr key={row.person.id}>
            <Table.Td>
              <PersonName person={row.person} viewerZone={props.viewerZone} now={props.now} link />
            </Table.Td>
            {props.days.map((d) => (
              <Table.Td key={d.date}>{describeSpans(spansOn(row.spans ?? [], d), props.viewerZone)}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
