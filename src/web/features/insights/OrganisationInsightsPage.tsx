import { Group, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import type { InsightMetric } from "../../../contracts/insights";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { LockIcon } from "../../components/LockIcon";
import { TeamSelect } from "../../components/TeamSelect";
import { useAddressFilters } from "../../lib/address-filters";
import { useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { type OrganisationGroupView, type OrganisationInsightsView, useOrganisationInsights } from "./api";
import { CsvButton } from "./CsvButton";
import { GroupBars } from "./charts/lazy";
import { organisationCsv } from "./csv";
import { MetricHelp } from "./MetricHelp";
import { PeriodPicker } from "./PeriodPicker";
import { fewerThan, figure, metricLabel, valueText } from "./text";

interface OrgFilters {
  groupBy: "team" | "timeZone";
  team: string;
  from: string;
  to: string;
}
const fromParams = (p: URLSearchParams): OrgFilters => ({
  groupBy: p.get("groupBy") === "timeZone" ? "timeZone" : "team",
  team: p.get("team") ?? "",
  from: p.get("from") ?? "",
  to: p.get("to") ?? "",
});
const toParams = (f: OrgFilters) => {
  const p = new URLSearchParams();
  if (f.groupBy !== "team") p.set("groupBy", f.groupBy);
  if (f.team) p.set("team", f.team);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  return p;
};

/** The table's columns: the median (and 75th percentile) of each figure over the period's person-weeks. */
const COLUMNS: InsightMetric[] = ["meetingHours", "focusHours", "afterHoursMeetingHours", "fragmentedHours"];

/** The organisation: aggregates per team or per time zone (HR and admins), groups under the minimum left blank. */
export function OrganisationInsightsPage() {
  const viewer = useViewer();
  const teams = useTeams();
  const [filters, setFilters] = useAddressFilters(fromParams, toParams);
  const insights = useOrganisationInsights({
    groupBy: filters.groupBy,
    teamId: filters.team || null,
    from: filters.from,
    to: filters.to,
  });
  return (
    <Stack>
      <Title order={1}>Organisation insights</Title>
      <Group align="flex-end" gap="md" wrap="wrap">
        <SegmentedControl
          aria-label="Group by"
          value={filters.groupBy}
          onChange={(v) => setFilters({ ...filters, groupBy: v === "timeZone" ? "timeZone" : "team" })}
          data={[
            { value: "team", label: "By team" },
            { value: "timeZone", label: "By time zone" },
          ]}
        />
        <TeamSelect
          label="Only this team"
          placeholder="Whole organisation"
          teams={teams.data ?? []}
          value={filters.team || null}
          onChange={(v) => setFilters({ ...filters, team: v ?? "" })}
          searchable
          w={220}
        />
        <PeriodPicker value={filters} onChange={(p) => setFilters({ ...filters, ...p })} zone={viewer.zone} />
      </Group>
      {insights.data ? (
        <Groups data={insights.data} />
      ) : insights.error ? (
        <FormError error={insights.error} />
      ) : (
        <Loading />
      )}
    </Stack>
  );
}

function Groups({ data }: { data: OrganisationInsightsView }) {
  const what = data.groupBy === "team" ? "team" : "time zone";
  const shown = data.groups.filter((g) => !g.suppressed);
  const summary =
    data.groups.length === 0
      ? `No ${what}s in this period.`
      : `Median meeting hours per week by ${what}: ${data.groups
          .map(
            (g) =>
              `${g.label} ${g.meetingHours ? valueText("meetingHours", g.meetingHours.median) : fewerThan(data.minGroupSize)}`,
          )
          .join("; ")}.`;
  return (
    <Stack>
      <Group gap={6} wrap="nowrap">
        <LockIcon />
        <Text size="sm">
          Figures for groups of {data.minGroupSize} or more people; a smaller group shows “
          {fewerThan(data.minGroupSize)}” and no figures, so nobody’s own week can be worked out.
        </Text>
      </Group>
      <CsvButton name="organisation insights.csv" csv={() => organisationCsv(data)} />
      <section aria-labelledby="org-bars">
        <Title order={2} size="h3" id="org-bars" mb="xs">
          {metricLabel("meetingHours")}: median per {what}
        </Title>
        <MetricHelp metric="meetingHours" />
        <Text size="sm" my="xs" data-testid="chart-summary">
          {summary}
        </Text>
        {data.groups.length > 0 && (
          <GroupBars
            summary={summary}
            bars={data.groups.map((g) => ({
              key: g.key,
              label: g.label,
              value: g.meetingHours?.median,
              text: g.meetingHours
                ? valueText("meetingHours", g.meetingHours.median)
                : fewerThan(data.minGroupSize),
            }))}
          />
        )}
      </section>
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder>
          <Table.Caption>
            Median (75th percentile) per person-week, {shown.length} of {data.groups.length} {what}s shown
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{data.groupBy === "team" ? "Team" : "Time zone"}</Table.Th>
              <Table.Th scope="col">People</Table.Th>
              {COLUMNS.map((m) => (
                <Table.Th key={m} scope="col">
                  {metricLabel(m)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.groups.map((g) => (
              <Row key={g.key} group={g} minGroupSize={data.minGroupSize} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Row({ group, minGroupSize }: { group: OrganisationGroupView; minGroupSize: number }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {group.label}
      </Table.Th>
      <Table.Td>{group.suppressed ? fewerThan(minGroupSize) : group.people}</Table.Td>
      {group.suppressed ? (
        <Table.Td colSpan={COLUMNS.length}>
          <Text size="sm" c="dimmed">
            No figures: {fewerThan(minGroupSize)}, to protect individuals
          </Text>
        </Table.Td>
      ) : (
        COLUMNS.map((m) => {
          const s = group[m];
          return <Table.Td key={m}>{s ? `${valueText(m, s.median)} (${figure(s.p75)})` : "—"}</Table.Td>;
        })
      )}
    </Table.Tr>
  );
}
