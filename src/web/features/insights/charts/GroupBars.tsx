import { Fragment } from "react";

const WIDTH = 560;
const ROW = 26;
const LABEL = 150;
const PAD_RIGHT = 70;

export interface Bar {
  key: string;
  label: string;
  /** Absent for a group below the minimum size: a lock and no bar. */
  value?: number;
  /** The text after the bar: "8.5 h", or "fewer than 5 people". */
  text: string;
}

/**
 * One horizontal bar per group (e.g. median meeting hours per team). A group below the minimum size
 * has no bar, only its words; the table beside the chart holds every figure too.
 */
export function GroupBars(props: { bars: readonly Bar[]; summary: string; testId?: string }) {
  const max = Math.max(1, ...props.bars.map((b) => b.value ?? 0));
  const height = props.bars.length * ROW + 8;
  const scale = (v: number) => (v / max) * (WIDTH - LABEL - PAD_RIGHT);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: "block" }}
      role="img"
      aria-label={props.summary}
      data-testid={props.testId ?? "group-bars"}
    >
      {props.bars.map((b, i) => {
        const top = 4 + i * ROW;
        return (
          <Fragment key={b.key}>
            <text x={LABEL - 8} y={top + 16} fontSize={12} textAnchor="end" fill="currentColor">
              {b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label}
            </text>
            {b.value !== undefined ? (
              <rect
                x={LABEL}
                y={top + 4}
                width={Math.max(2, scale(b.value))}
                height={ROW - 10}
                rx={3}
                fill="var(--mantine-color-blue-7)"
              />
            ) : (
              <rect
                x={LABEL}
                y={top + 4}
                width={WIDTH - LABEL - PAD_RIGHT}
                height={ROW - 10}
                rx={3}
                fill="none"
                stroke="var(--mantine-color-gray-6)"
                strokeDasharray="3 4"
              />
            )}
            <text
              x={b.value !== undefined ? LABEL + Math.max(2, scale(b.value)) + 6 : LABEL + 8}
              y={top + 16}
              fontSize={12}
              fill="currentColor"
            >
              {b.text}
            </text>
          </Fragment>
        );
      })}
    </svg>
  );
}
