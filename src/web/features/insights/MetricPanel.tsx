import { Card, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { InsightMetric } from "../../../contracts/insights";
import { type ChartSeries, WeekChart } from "./charts/lazy";
import { MetricHelp } from "./MetricHelp";
import { metricLabel } from "./text";

/**
 * One figure's card: its name, its definition one click away, the sentence that says what the chart
 * shows (read by everyone, and the chart's name for screen readers), then the chart.
 */
export function MetricPanel(props: {
  metric: InsightMetric;
  weeks: readonly string[];
  series: readonly ChartSeries[];
  summary: string;
  reference?: { value: number; label: string };
  max?: number;
  children?: ReactNode;
}) {
  const heading = `metric-${props.metric}`;
  return (
    <Card withBorder component="section" aria-labelledby={heading}>
      <Stack gap="xs">
        <Title order={3} id={heading} size="h4">
          {metricLabel(props.metric)}
        </Title>
        <MetricHelp metric={props.metric} />
        <Text size="sm" data-testid="chart-summary">
          {props.summary}
        </Text>
        <WeekChart
          weeks={props.weeks}
          series={props.series}
          summary={props.summary}
          reference={props.reference}
          max={props.max}
          share={props.metric === "checkinParticipation"}
        />
        {props.children}
      </Stack>
    </Card>
  );
}
