import { Group, Text } from "@mantine/core";

/**
 * Pieces the weekly line charts share (a check-in's pulse, insights): runs of weeks with a value, a
 * line with its points, and a legend key. Gaps stay open: a week without a value is never drawn as zero.
 */

/** Runs of consecutive indexes that have a value: each is drawn as one line, gaps left open. */
export function runs(values: readonly (number | undefined)[]): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  values.forEach((v, i) => {
    if (v === undefined) {
      if (current.length) out.push(current);
      current = [];
    } else current.push(i);
  });
  if (current.length) out.push(current);
  return out;
}

export function Line(props: { points: [number, number][]; color: string; dashed?: boolean }) {
  return (
    <g>
      {props.points.length > 1 && (
        <polyline
          points={props.points.map((p) => p.join(",")).join(" ")}
          fill="none"
          stroke={props.color}
          strokeWidth={2.5}
          strokeDasharray={props.dashed ? "6 4" : undefined}
        />
      )}
      {props.points.map(([px, py]) => (
        <circle key={`${px}`} cx={px} cy={py} r={3.5} fill={props.color} />
      ))}
    </g>
  );
}

/** One entry of a chart's legend: a short line in the series' colour and its label. */
export function Key(props: { color: string; label: string; dashed?: boolean }) {
  return (
    <Group gap={4}>
      <svg width={18} height={8} aria-hidden="true">
        <line
          x1={0}
          x2={18}
          y1={4}
          y2={4}
          stroke={props.color}
          strokeWidth={2.5}
          strokeDasharray={props.dashed ? "4 3" : undefined}
        />
      </svg>
      <Text size="xs">{props.label}</Text>
    </Group>
  );
}
