import { Group, Stack, Text } from "@mantine/core";
import type { UrgentLogView } from "./api";
import { weekLabel, weeksInWords } from "./urgent-text";

type Week = UrgentLogView["weeks"][number];

const HEIGHT = 120;
const BAR = 24;
const GAP = 10;
/** Room after the last bar for its date label. */
const TAIL = 40;
const TOTAL = "var(--mantine-color-gray-4)";
const OUTSIDE = "var(--mantine-color-red-8)";

/**
 * Bars per week: all urgent notifications (grey) and those outside the recipient's hours (red) in
 * front. Hand-drawn SVG, part of the urgent log page's own chunk, so it loads only with that page.
 * Visual only: the sentence beside it says the same.
 */
export function UrgentWeeksChart({ weeks }: { weeks: Week[] }) {
  const max = Math.max(1, ...weeks.map((w) => w.total));
  const width = weeks.length * (BAR + GAP) + TAIL;
  const y = (n: number) => HEIGHT - (n / max) * HEIGHT;
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 8));
  return (
    <Stack gap="xs">
      <Text size="sm">{weeksInWords(weeks)}</Text>
      {weeks.length > 0 && (
        <div style={{ overflowX: "auto" }} aria-hidden="true">
          <svg width={width} height={HEIGHT + 20} role="presentation">
            {weeks.map((w, i) => (
              <g key={w.weekStart} transform={`translate(${i * (BAR + GAP)},0)`}>
                <rect y={y(w.total)} width={BAR} height={HEIGHT - y(w.total)} fill={TOTAL} />
                <rect y={y(w.outsideHours)} width={BAR} height={HEIGHT - y(w.outsideHours)} fill={OUTSIDE} />
                {i % labelEvery === 0 && (
                  <text x={0} y={HEIGHT + 14} fontSize={10} fill="currentColor">
                    {weekLabel(w.weekStart).replace(/^\S+\s/, "")}
                  </text>
                )}
              </g>
            ))}
          </svg>
        </div>
      )}
      <Group gap="md" aria-hidden="true">
        <Key color={OUTSIDE} label="outside the recipient's hours" />
        <Key color={TOTAL} label="all urgent" />
      </Group>
    </Stack>
  );
}

function Key(props: { color: string; label: string }) {
  return (
    <Group gap={4}>
      <span style={{ width: 10, height: 10, background: props.color, display: "inline-block" }} />
      <Text size="xs">{props.label}</Text>
    </Group>
  );
}
