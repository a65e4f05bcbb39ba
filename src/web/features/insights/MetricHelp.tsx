import { Text } from "@mantine/core";
import type { InsightMetric } from "../../../contracts/insights";
import { METRIC_DEFINITIONS } from "../../../core/insights/definitions";

/** A figure's definition one click away: a disclosure under its heading (core/insights/definitions). */
export function MetricHelp({ metric }: { metric: InsightMetric }) {
  const d = METRIC_DEFINITIONS[metric];
  return (
    <details>
      <summary>
        <Text span size="sm">
          What is “{d.label.toLowerCase()}”?
        </Text>
      </summary>
      <Text size="sm" mt={4}>
        {d.definition}
      </Text>
    </details>
  );
}
