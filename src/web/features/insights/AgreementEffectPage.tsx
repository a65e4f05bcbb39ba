import { Group, List, NumberInput, SegmentedControl, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { VersionSummary } from "../../../contracts/agreement";
import type { InsightMetric, PeriodStats } from "../../../contracts/insights";
import { EmptyHint } from "../../components/EmptyHint";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { LockIcon } from "../../components/LockIcon";
import { NoAccess } from "../../components/NoAccess";
import { useAddressFilters } from "../../lib/address-filters";
import { get } from "../../lib/api";
import { can } from "../../lib/permissions";
import { useViewer } from "../../lib/session";
import { formatDate } from "../../lib/time";
import { type AgreementEffectView, useAgreementEffect } from "./api";
import { useReadableTeams } from "./readable-teams";
import { fewerThan, metricLabel, suppressedNote, valueText } from "./text";

interface EffectFilters {
  team: string;
  of: "organisation" | "team";
  version: string;
  weeks: string;
}
const fromParams = (p: URLSearchParams): EffectFilters => ({
  team: p.get("team") ?? "",
  of: p.get("of") === "team" ? "team" : "organisation",
  version: p.get("version") ?? "",
  weeks: p.get("weeks") ?? "",
});
const toParams = (f: EffectFilters) => {
  const p = new URLSearchParams();
  if (f.team) p.set("team", f.team);
  if (f.of !== "organisation") p.set("of", f.of);
  if (f.version) p.set("version", f.version);
  if (f.weeks) p.set("weeks", f.weeks);
  return p;
};

const ROWS: InsightMetric[] = [
  "meetingHours",
  "focusHours",
  "afterHoursMeetingHours",
  "fragmentedHours",
  "burdenPoints",
  "replyLatencyHours",
  "checkinParticipation",
  "pulse",
];

/** The organisation's agreement versions, newest first (to pick the one whose effect to see). */
function useOrgVersions() {
  return useQuery({
    queryKey: ["agreement", "versions"],
    queryFn: () => get<{ versions: VersionSummary[] }>("/agreement/versions"),
    select: (d) => [...d.versions].sort((a, b) => b.version - a.version),
  });
}

/** Agreement effect: a team's (or the organisation's) figures in the weeks before and after a version. */
export function AgreementEffectPage() {
  const viewer = useViewer();
  const everyTeam = can.readAgreementEffect(viewer.person.role, false);
  const readable = useReadableTeams(everyTeam);
  const versions = useOrgVersions();
  const [filters, setFilters] = useAddressFilters(fromParams, toParams);
  // Leads compare their own team; HR and admins may also take the whole organisation (no team).
  const teamId = filters.team || (everyTeam ? null : (readable.teams?.[0]?.id ?? null));
  const latest = versions.data?.[0]?.version ?? null;
  const version = filters.version ? Number(filters.version) : latest;
  const weeks = filters.weeks ? Number(filters.weeks) : 4;
  const effect = useAgreementEffect({ teamId, of: filters.of, version, weeks });
  // Leads, HR and admins: someone who leads no team may not use the page.
  // (The heading waits for the teams, so the page never shows one heading and then another.)
  if (!readable.teams) return <Loading error={readable.error} />;
  if (readable.teams.length === 0 && !everyTeam) return <NoAccess />;
  return (
    <Stack>
      <Title order={1}>Agreement effect</Title>
      <Text size="sm" c="dimmed">
        Did a change to the working agreement move the figures it was meant to? The weeks before a version
        took effect beside the weeks after it.
      </Text>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label="Team"
          placeholder={everyTeam ? "Whole organisation" : undefined}
          data={(readable.teams ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={teamId}
          onChange={(v) => setFilters({ ...filters, team: v ?? "", of: v ? filters.of : "organisation" })}
          clearable={everyTeam}
          searchable
          w={220}
        />
        <SegmentedControl
          aria-label="Whose agreement"
          value={filters.of}
          onChange={(v) =>
            setFilters({ ...filters, of: v === "team" ? "team" : "organisation", version: "" })
          }
          data={[
            { value: "organisation", label: "Organisation’s agreement" },
            { value: "team", label: "Team’s own rules", disabled: !teamId },
          ]}
        />
        {filters.of === "organisation" ? (
          <Select
            label="Version"
            data={(versions.data ?? []).map((v) => ({
              value: String(v.version),
              label: `Version ${v.version}`,
            }))}
            value={version ? String(version) : null}
            onChange={(v) => setFilters({ ...filters, version: v ?? "" })}
            allowDeselect={false}
            w={160}
          />
        ) : (
          <NumberInput
            label="Version"
            min={1}
            value={version ?? ""}
            onChange={(v) => setFilters({ ...filters, version: v === "" ? "" : String(v) })}
            w={120}
          />
        )}
        <NumberInput
          label="Weeks each side"
          min={1}
          max={26}
          value={weeks}
          onChange={(v) => setFilters({ ...filters, weeks: v === "" ? "" : String(v) })}
          w={140}
        />
      </Group>
      {version === null && versions.data ? (
        <EmptyHint title="No version yet">
          The agreement’s effect shows once a version is published.
        </EmptyHint>
      ) : effect.data ? (
        <Effect data={effect.data} />
      ) : effect.error ? (
        <FormError error={effect.error} />
      ) : (
        <Loading />
      )}
    </Stack>
  );
}

function Effect({ data }: { data: AgreementEffectView }) {
  const who = data.team?.name ?? "The organisation";
  return (
    <Stack>
      <Text>
        Version {data.version} of {data.of === "team" ? `${who}’s own rules` : "the organisation’s agreement"}{" "}
        took effect on {formatDate(data.effectiveFrom)}: {data.weeks} weeks before and after, for{" "}
        {data.team ? data.team.name : "the whole organisation"}.
      </Text>
      <section aria-labelledby="effect-changes">
        <Title order={2} size="h3" id="effect-changes" mb="xs">
          What changed
        </Title>
        {data.changeSummary.length === 0 ? (
          <Text size="sm" c="dimmed">
            This version changed no rule that a figure here measures.
          </Text>
        ) : (
          <List size="sm" data-testid="change-summary">
            {data.changeSummary.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        )}
      </section>
      {data.suppressed || !data.before || !data.after ? (
        <Group gap={6} wrap="nowrap" align="flex-start" data-testid="suppressed-note">
          <LockIcon />
          <Text>{suppressedNote(who, data.minGroupSize)}</Text>
        </Group>
      ) : (
        <BeforeAfter before={data.before} after={data.after} minGroupSize={data.minGroupSize} />
      )}
    </Stack>
  );
}

function BeforeAfter(props: { before: PeriodStats; after: PeriodStats; minGroupSize: number }) {
  const cell = (p: PeriodStats, m: InsightMetric) => {
    const s = p[m];
    return s ? `${valueText(m, s.median)} (75th: ${valueText(m, s.p75)})` : "—";
  };
  const rows = ROWS.filter((m) => props.before[m] || props.after[m]);
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped withTableBorder>
        <Table.Caption>
          Median (and 75th percentile) per person-week. Figures for groups of {props.minGroupSize} or more; a
          period with {fewerThan(props.minGroupSize)} shows none.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Figure</Table.Th>
            <Table.Th scope="col">
              Before ({formatDate(props.before.from)} – {formatDate(props.before.to)}, {props.before.people}{" "}
              people)
            </Table.Th>
            <Table.Th scope="col">
              After ({formatDate(props.after.from)} – {formatDate(props.after.to)}, {props.after.people}{" "}
              people)
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((m) => (
            <Table.Tr key={m}>
              <Table.Th scope="row" fw={500}>
                {metricLabel(m)}
              </Table.Th>
              <Table.Td>{cell(props.before, m)}</Table.Td>
              <Table.Td>{cell(props.after, m)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
