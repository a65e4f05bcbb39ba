import { Alert, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { InsightMetric, PersonWeekView } from "../../../contracts/insights";
import { ALERT_WORDS } from "../../../core/insights/definitions";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { LockIcon } from "../../components/LockIcon";
import { useAddressFilters } from "../../lib/address-filters";
import { useViewer } from "../../lib/session";
import { formatDate } from "../../lib/time";
import { type MyInsightsView, useMyInsights } from "./api";
import { CsvButton } from "./CsvButton";
import { myCsv } from "./csv";
import { MetricPanel } from "./MetricPanel";
import { type PeriodFilters, PeriodPicker } from "./PeriodPicker";
import { weeklySummary } from "./text";

export const periodFromParams = (p: URLSearchParams): PeriodFilters => ({
  from: p.get("from") ?? "",
  to: p.get("to") ?? "",
});
export const periodToParams = (f: PeriodFilters) => {
  const p = new URLSearchParams();
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  return p;
};

const MINE = "var(--mantine-color-blue-7)";

/** Always drawn, in this order; the optional ones only when some week has them. */
const ALWAYS: InsightMetric[] = ["meetingHours", "focusHours", "afterHoursMeetingHours", "fragmentedHours"];
const WHEN_PRESENT: InsightMetric[] = ["burdenPoints", "replyLatencyHours", "checkinParticipation", "pulse"];

/** Mine: my own weekly balance, alerts with next steps; nobody else — not my lead, HR or an admin — sees it. */
export function MyInsightsPage() {
  const viewer = useViewer();
  const [period, setPeriod] = useAddressFilters(periodFromParams, periodToParams);
  const insights = useMyInsights(period);
  return (
    <Stack>
      <Title order={1}>My insights</Title>
      <Group gap={6} wrap="nowrap">
        <LockIcon />
        <Text size="sm">
          Only you can see this. Your lead, HR and admins never see your own figures, only team figures.
        </Text>
      </Group>
      <PeriodPicker value={period} onChange={setPeriod} zone={viewer.zone} />
      {insights.data ? <Mine data={insights.data} /> : <Loading error={insights.error} />}
    </Stack>
  );
}

function Mine({ data }: { data: MyInsightsView }) {
  if (data.weeks.length === 0)
    return (
      <EmptyHint title="No weeks to show yet">
        Your figures appear here a week after your meetings, calendars and check-ins start to fill in.
      </EmptyHint>
    );
  const weeks = data.weeks.map((w) => w.weekStart);
  const values = (m: InsightMetric) => data.weeks.map((w) => figureOf(w, m));
  const shown = [...ALWAYS, ...WHEN_PRESENT.filter((m) => values(m).some((v) => v !== undefined))];
  const budget = data.budget.weeklyMeetingHours;
  return (
    <Stack>
      <CsvButton name="my-insights.csv" csv={() => myCsv(data)} />
      <Alerts data={data} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {shown.map((metric) => {
          const v = values(metric);
          const withBudget = metric === "meetingHours";
          return (
            <MetricPanel
              key={metric}
              metric={metric}
              weeks={weeks}
              series={[{ label: "Me", color: MINE, values: v }]}
              summary={weeklySummary(metric, v, withBudget ? budget : undefined)}
              reference={withBudget ? { value: budget, label: `Budget ${budget} h a week` } : undefined}
              max={metric === "pulse" ? 5 : metric === "checkinParticipation" ? 1 : undefined}
            />
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

const figureOf = (w: PersonWeekView, m: InsightMetric): number | undefined => w[m];

function Alerts({ data }: { data: MyInsightsView }) {
  if (data.alerts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No alerts: your weeks are inside the agreement’s budget and focus minimum.
      </Text>
    );
  return (
    <section aria-labelledby="my-alerts">
      <Title order={2} size="h3" id="my-alerts" mb="xs">
        Alerts
      </Title>
      <Stack gap="xs">
        {data.alerts.map((a) => (
          <Alert key={a.kind} color="orange" title={ALERT_WORDS[a.kind]} data-testid="insight-alert">
            <Text size="sm">{a.text}</Text>
            <Text size="sm" mt={4}>
              <strong>Next step:</strong> {a.nextStep}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              Since the week of {formatDate(a.since)}
            </Text>
          </Alert>
        ))}
      </Stack>
    </section>
  );
}
