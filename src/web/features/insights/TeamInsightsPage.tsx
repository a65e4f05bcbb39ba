import { Group, List, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { InsightMetric, Stat } from "../../../contracts/insights";
import { ALERT_WORDS } from "../../../core/insights/definitions";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { LockIcon } from "../../components/LockIcon";
import { NoAccess } from "../../components/NoAccess";
import { useAddressFilters } from "../../lib/address-filters";
import { can } from "../../lib/permissions";
import { useViewer } from "../../lib/session";
import { type TeamInsightsView, type TeamWeekView, useTeamInsights } from "./api";
import { CsvButton } from "./CsvButton";
import { teamCsv } from "./csv";
import { MetricPanel } from "./MetricPanel";
import { PeriodPicker } from "./PeriodPicker";
import { useReadableTeams } from "./readable-teams";
import { groupSizeNote, peopleCount, suppressedNote, teamSummary } from "./text";

interface TeamFilters {
  team: string;
  from: string;
  to: string;
}
const fromParams = (p: URLSearchParams): TeamFilters => ({
  team: p.get("team") ?? "",
  from: p.get("from") ?? "",
  to: p.get("to") ?? "",
});
const toParams = (f: TeamFilters) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  return p;
};

const MEDIAN = "var(--mantine-color-blue-7)";
const P75 = "var(--mantine-color-grape-7)";
const ALWAYS: InsightMetric[] = [
  "meetingHours",
  "focusHours",
  "afterHoursMeetingHours",
  "fragmentedHours",
  "burdenPoints",
];
const WHEN_PRESENT: InsightMetric[] = ["replyLatencyHours", "checkinParticipation", "pulse"];

/** My team: medians and 75th percentiles per week, only for teams of at least the minimum group size. */
export function TeamInsightsPage() {
  const viewer = useViewer();
  const everyTeam = can.readTeamInsights(viewer.person.role, false);
  const readable = useReadableTeams(everyTeam);
  const [filters, setFilters] = useAddressFilters(fromParams, toParams);
  const teamId = filters.team || readable.teams?.[0]?.id || null;
  const insights = useTeamInsights(teamId, { from: filters.from, to: filters.to });
  // A team's figures are for its leads, HR and admins: someone who leads no team may not use the page.
  // (The heading waits for the teams, so the page never shows one heading and then another.)
  if (!readable.teams) return <Loading error={readable.error} />;
  if (readable.teams.length === 0 && !everyTeam) return <NoAccess />;
  return (
    <Stack>
      <Title order={1}>Team insights</Title>
      {readable.teams.length === 0 ? (
        <EmptyHint title="No team yet">
          Each team’s balance appears here once the organisation has teams.
        </EmptyHint>
      ) : (
        <>
          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              label="Team"
              data={readable.teams.map((t) => ({ value: t.id, label: t.name }))}
              value={teamId}
              onChange={(v) => setFilters({ ...filters, team: v ?? "" })}
              allowDeselect={false}
              searchable
              w={240}
            />
            <PeriodPicker
              value={filters}
              onChange={(p) => setFilters({ ...filters, ...p })}
              zone={viewer.zone}
            />
          </Group>
          {insights.data ? <Team data={insights.data} /> : <Loading error={insights.error} />}
        </>
      )}
    </Stack>
  );
}

function Team({ data }: { data: TeamInsightsView }) {
  if (data.suppressed || !data.weeks)
    return (
      <Group gap={6} wrap="nowrap" align="flex-start" data-testid="suppressed-note">
        <LockIcon />
        <Text>{suppressedNote(data.team.name, data.minGroupSize)}</Text>
      </Group>
    );
  const weeks = data.weeks;
  const stats = (m: InsightMetric) => weeks.map((w) => statOf(w, m));
  const shown = [...ALWAYS, ...WHEN_PRESENT.filter((m) => stats(m).some((s) => s !== undefined))];
  return (
    <Stack>
      <Group gap={6} wrap="nowrap">
        <LockIcon />
        <Text size="sm" data-testid="group-size-note">
          {groupSizeNote(data.team.people, data.minGroupSize)}. Nobody’s own figures are shown.
        </Text>
      </Group>
      <CsvButton name={`${data.team.name} insights.csv`} csv={() => teamCsv(data)} />
      <AlertCounts data={data} />
      {weeks.length === 0 ? (
        <EmptyHint title="No weeks to show yet">
          The team’s figures appear once its weeks are counted.
        </EmptyHint>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {shown.map((metric) => {
            const s = stats(metric);
            return (
              <MetricPanel
                key={metric}
                metric={metric}
                weeks={weeks.map((w) => w.weekStart)}
                series={[
                  { label: "Median", color: MEDIAN, values: s.map((x) => x?.median) },
                  { label: "75th percentile", color: P75, values: s.map((x) => x?.p75), dashed: true },
                ]}
                summary={teamSummary(metric, s)}
                max={metric === "pulse" ? 5 : metric === "checkinParticipation" ? 1 : undefined}
              />
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}

const statOf = (w: TeamWeekView, m: InsightMetric): Stat | undefined => w[m];

function AlertCounts({ data }: { data: TeamInsightsView }) {
  const counts = (data.alerts ?? []).filter((a) => a.count > 0);
  return (
    <section aria-labelledby="team-alerts">
      <Title order={2} size="h3" id="team-alerts" mb="xs">
        Alerts in the team
      </Title>
      {counts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No one in the team has an alert this period.
        </Text>
      ) : (
        <List size="sm">
          {counts.map((a) => (
            <List.Item key={a.kind}>
              {ALERT_WORDS[a.kind]}: {peopleCount(a.count)}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        Counts only: each alert and its reasons are private to the person it is about.
      </Text>
    </section>
  );
}
