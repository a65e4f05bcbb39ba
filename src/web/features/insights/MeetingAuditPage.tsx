import { Badge, Card, Group, List, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { AuditSuggestion } from "../../../contracts/insights";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { useAddressFilters } from "../../lib/address-filters";
import { useViewer } from "../../lib/session";
import { type MeetingAuditSeriesView, useMeetingAudit } from "./api";
import { useReadableTeams } from "./readable-teams";
import { figure, percent, SUGGESTION_WORDS } from "./text";

const fromParams = (p: URLSearchParams) => ({ team: p.get("team") ?? "" });
const toParams = (f: { team: string }) => {
  const p = new URLSearchParams();
  if (f.team) p.set("team", f.team);
  return p;
};

const COLOUR: Record<AuditSuggestion, string> = {
  keep: "green",
  shorten: "yellow",
  make_async: "blue",
  end: "red",
};

/**
 * Meeting audit: the recurring meetings I organise, or those of a team I lead, with what each costs a
 * month and a suggestion (keep, shorten, make async, end) with its reasons.
 */
export function MeetingAuditPage() {
  // Only the teams the viewer leads: HR and admins do not read meeting titles they are not part of.
  const readable = useReadableTeams(false);
  const viewer = useViewer();
  const [filters, setFilters] = useAddressFilters(fromParams, toParams);
  const audit = useMeetingAudit(filters.team || null);
  const led = readable.teams ?? [];
  return (
    <Stack>
      <Title order={1}>Meeting audit</Title>
      <Text size="sm" c="dimmed">
        Recurring meetings over the last 90 days: what they cost in people’s hours each month, how attendees
        rated them, and whether they could be async.
      </Text>
      {led.length > 0 && (
        <Select
          label="Whose meetings"
          data={[
            { value: "", label: "Meetings I organise" },
            ...led.map((t) => ({ value: t.id, label: `${t.name} (team you lead)` })),
          ]}
          value={filters.team}
          onChange={(v) => setFilters({ team: v ?? "" })}
          allowDeselect={false}
          w={300}
        />
      )}
      {audit.data ? (
        audit.data.series.length === 0 ? (
          <EmptyHint title="No recurring meetings to audit">
            {filters.team
              ? "This team has no recurring meetings in the last 90 days."
              : `You organise no recurring meetings, ${viewer.person.name}. When you do, what each costs and a suggestion for it appear here.`}
          </EmptyHint>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {audit.data.series.map((s) => (
              <Series key={s.seriesId} series={s} />
            ))}
          </SimpleGrid>
        )
      ) : (
        <Loading error={audit.error} />
      )}
    </Stack>
  );
}

function Series({ series: s }: { series: MeetingAuditSeriesView }) {
  const heading = `series-${s.seriesId}`;
  return (
    <Card withBorder component="article" aria-labelledby={heading} data-testid="audit-series">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4" id={heading}>
            {s.title}
          </Title>
          <Badge color={COLOUR[s.suggestion]} variant="light" style={{ flex: "none" }}>
            {SUGGESTION_WORDS[s.suggestion]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {s.frequency} · organised by {s.organiser.name}
        </Text>
        <dl style={{ margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", gap: "2px 12px" }}>
          <Fact term="Cost a month" value={`${figure(s.monthlyPersonHours)} person-hours`} />
          <Fact
            term="Rating"
            value={s.ratingAverage === undefined ? "Fewer than 3 ratings" : `${figure(s.ratingAverage)} of 5`}
          />
          <Fact
            term="Could be async"
            value={s.couldBeAsyncShare === undefined ? "Not enough answers" : percent(s.couldBeAsyncShare)}
          />
          <Fact term="Declined" value={percent(s.declineShare)} />
          <Fact term="Followed async" value={percent(s.followAsyncShare)} />
        </dl>
        {s.reasons.length > 0 && (
          <List size="sm">
            {s.reasons.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}

function Fact(props: { term: string; value: string }) {
  return (
    <>
      <Text component="dt" size="sm" c="dimmed">
        {props.term}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {props.value}
      </Text>
    </>
  );
}
