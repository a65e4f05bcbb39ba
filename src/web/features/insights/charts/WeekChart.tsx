import { Group } from "@mantine/core";
import { Fragment } from "react";
import { Key, Line, runs } from "../../../components/chart-parts";
import { formatDate } from "../../../lib/time";

const WIDTH = 560;
const HEIGHT = 170;
const PAD = { left: 34, right: 12, top: 12, bottom: 26 };

export interface ChartSeries {
  label: string;
  color: string;
  /** One value per week; `undefined` is a week without the figure, drawn as a gap (never as zero). */
  values: readonly (number | undefined)[];
  dashed?: boolean;
}

/**
 * Weekly figures as lines (one per series) with an optional reference line (the agreement's budget).
 * Hand-drawn SVG like the pulse chart; the sentence beside it says the same, so the drawing is one
 * image named by that sentence.
 */
export function WeekChart(props: {
  weeks: readonly string[];
  series: readonly ChartSeries[];
  summary: string;
  reference?: { value: number; label: string };
  /** The top of the scale at least (e.g. 5 for a pulse, 1 for a share). */
  max?: number;
  /** Values are shares (0–1): the scale reads in percent. */
  share?: boolean;
  testId?: string;
}) {
  const { weeks } = props;
  const all = props.series.flatMap((s) => s.values.filter((v): v is number => v !== undefined));
  const top = niceTop(Math.max(props.max ?? 0, props.reference?.value ?? 0, ...all, 1));
  const step = (WIDTH - PAD.left - PAD.right) / Math.max(1, weeks.length - 1);
  const x = (i: number) => PAD.left + (weeks.length === 1 ? (WIDTH - PAD.left - PAD.right) / 2 : i * step);
  const y = (v: number) => PAD.top + ((top - v) / top) * (HEIGHT - PAD.top - PAD.bottom);
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 6));
  const ticks = [0, top / 2, top];
  return (
    <div>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: WIDTH, display: "block" }}
        role="img"
        aria-label={props.summary}
        data-testid={props.testId ?? "insight-chart"}
      >
        {ticks.map((v) => (
          <Fragment key={v}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(v)}
              y2={y(v)}
              stroke="var(--mantine-color-gray-3)"
            />
            <text x={PAD.left - 6} y={y(v) + 4} fontSize={11} textAnchor="end" fill="currentColor">
              {props.share ? `${Math.round(v * 100)}%` : short(v)}
            </text>
          </Fragment>
        ))}
        {props.reference && (
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(props.reference.value)}
            y2={y(props.reference.value)}
            stroke="var(--mantine-color-red-7)"
            strokeWidth={1.5}
            strokeDasharray="6 4"
          />
        )}
        {props.series.map((s) =>
          runs(s.values).map((run) => (
            <Line
              key={`${s.label}-${run[0]}`}
              points={run.map((i) => [x(i), y(s.values[i] ?? 0)])}
              color={s.color}
              dashed={s.dashed}
            />
          )),
        )}
        {weeks.map((w, i) =>
          i % labelEvery === 0 ? (
            <text key={w} x={x(i)} y={HEIGHT - 8} fontSize={11} textAnchor="middle" fill="currentColor">
              {formatDate(w).replace(/^\S+\s/, "")}
            </text>
          ) : null,
        )}
      </svg>
      <Group gap="md" aria-hidden="true" mt={4}>
        {props.series.map((s) => (
          <Key key={s.label} color={s.color} label={s.label} dashed={s.dashed} />
        ))}
        {props.reference && <Key color="var(--mantine-color-red-7)" label={props.reference.label} dashed />}
      </Group>
    </div>
  );
}

/** A round top for the scale: 1, 2, 5, 10, 20, 50… times a power of ten, at or above `v`. */
function niceTop(v: number): number {
  const power = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * power >= v) return m * power;
  return 10 * power;
}

const short = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
