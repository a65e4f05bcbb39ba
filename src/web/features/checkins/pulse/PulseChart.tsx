import { Group } from "@mantine/core";
import { Fragment } from "react";
import { Key, Line, runs } from "../../../components/chart-parts";
import { formatDate } from "../../../lib/time";
import { heldBack, type PulseWeek } from "./pulse-text";

const WIDTH = 560;
const HEIGHT = 160;
const PAD = { left: 28, right: 12, top: 10, bottom: 26 };
const TEAM = "var(--mantine-color-blue-7)";
const MINE = "var(--mantine-color-grape-7)";
const HELD = "var(--mantine-color-gray-6)";

/**
 * Weekly pulse averages (1–5) as lines: the team's, broken where a week had too few answers (a
 * lock marks the gap), and the viewer's own, dashed. Hand-drawn SVG (no chart library); the
 * sentence and the table beside it say the same, so the drawing is named as one image.
 */
export function PulseChart(props: { weeks: PulseWeek[]; summary: string; showMine: boolean }) {
  const { weeks } = props;
  const step = (WIDTH - PAD.left - PAD.right) / Math.max(1, weeks.length - 1);
  const x = (i: number) => PAD.left + (weeks.length === 1 ? (WIDTH - PAD.left - PAD.right) / 2 : i * step);
  const y = (v: number) => PAD.top + ((5 - v) / 4) * (HEIGHT - PAD.top - PAD.bottom);
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 6));
  return (
    <div>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: WIDTH, display: "block" }}
        role="img"
        aria-label={props.summary}
        data-testid="pulse-chart"
      >
        {[1, 2, 3, 4, 5].map((v) => (
          <Fragment key={v}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(v)}
              y2={y(v)}
              stroke="var(--mantine-color-gray-3)"
            />
            <text x={4} y={y(v) + 4} fontSize={11} fill="currentColor">
              {v}
            </text>
          </Fragment>
        ))}
        {runs(weeks.map((w) => w.team)).map((run) => (
          <Line key={`team-${run[0]}`} points={run.map((i) => [x(i), y(weeks[i]?.team ?? 0)])} color={TEAM} />
        ))}
        {props.showMine &&
          runs(weeks.map((w) => w.mine)).map((run) => (
            <Line
              key={`mine-${run[0]}`}
              points={run.map((i) => [x(i), y(weeks[i]?.mine ?? 0)])}
              color={MINE}
              dashed
            />
          ))}
        {weeks.map((w, i) =>
          heldBack(w) ? (
            <g key={w.start} data-testid="pulse-gap">
              <line
                x1={x(i)}
                x2={x(i)}
                y1={PAD.top}
                y2={HEIGHT - PAD.bottom}
                stroke={HELD}
                strokeDasharray="2 4"
              />
              <LockGlyph cx={x(i)} cy={y(3)} />
            </g>
          ) : null,
        )}
        {weeks.map((w, i) =>
          i % labelEvery === 0 ? (
            <text
              key={`label-${w.start}`}
              x={x(i)}
              y={HEIGHT - 8}
              fontSize={11}
              textAnchor="middle"
              fill="currentColor"
            >
              {formatDate(w.start).replace(/^\S+\s/, "")}
            </text>
          ) : null,
        )}
      </svg>
      <Group gap="md" aria-hidden="true" mt={4}>
        <Key color={TEAM} label="Team average" />
        {props.showMine && <Key color={MINE} label="My pulse" dashed />}
        <Key color={HELD} label="Held back (too few answers)" dashed />
      </Group>
    </div>
  );
}

/** A small padlock drawn inside the chart at a held-back week. */
function LockGlyph({ cx, cy }: { cx: number; cy: number }) {
  return (
    <g
      transform={`translate(${cx - 7},${cy - 8})`}
      fill="var(--mantine-color-body)"
      stroke={HELD}
      strokeWidth={1.8}
    >
      <rect x={1} y={7} width={12} height={9} rx={2} />
      <path d="M4 7V5a3 3 0 0 1 6 0v2" fill="none" />
    </g>
  );
}
