import { Box, Group, Stack, Text } from "@mantine/core";
import type { CSSProperties } from "react";
import type { PersonView } from "../../../contracts/people";
import type { Span } from "../../lib/resources";
import { formatTime } from "../../lib/time";
import { type ClockDay, hourTicks } from "./clock";

export interface ClockRow {
  person: PersonView;
  spans: Span[] | undefined;
}

const OFF = "repeating-linear-gradient(135deg, var(--mantine-color-gray-4) 0 3px, transparent 3px 8px)";
const WORKING = "var(--mantine-color-indigo-6)";
const OVERLAP = "var(--mantine-color-yellow-3)";
const NOW = "var(--mantine-color-red-7)";

/**
 * The team on one timeline in the viewer's zone: working hours as bars, hours off shaded, the overlap
 * of those working as a band behind every row, a "now" line. Visual only: the page gives the same in
 * text. Every axis label is as wide as its stretch of time at most (cut short, never overlapping);
 * narrow screens show day names only.
 */
export function TeamClockChart(props: {
  days: ClockDay[];
  rows: ClockRow[];
  shared: Span[];
  now: number;
  viewerZone: string;
  /** Only day marks on the axis (narrow screens). */
  compact?: boolean;
}) {
  const { days, rows, shared, now, viewerZone } = props;
  const start = days[0]?.start ?? now;
  const end = days.at(-1)?.end ?? now;
  const at = (t: number) => `${((Math.min(Math.max(t, start), end) - start) / (end - start)) * 100}%`;
  const bar = (s: Span, color: string): CSSProperties => ({
    position: "absolute",
    top: 0,
    bottom: 0,
    left: at(s.start),
    width: `calc(${at(s.end)} - ${at(s.start)})`,
    background: color,
  });
  const label = (from: number, to: number): CSSProperties => ({
    position: "absolute",
    top: 0,
    left: at(from),
    width: `calc(${at(to)} - ${at(from)})`,
    paddingLeft: 3,
  });
  const grid: CSSProperties = {
    display: "grid",
    gridTemplateColumns: props.compact ? "minmax(80px, 30%) 1fr" : "minmax(110px, 190px) 1fr",
    gap: 8,
  };
  const ticks = hourTicks(days, viewerZone);
  return (
    <Box aria-hidden="true" data-testid="team-clock-chart">
      <div style={grid}>
        <div />
        <div style={{ position: "relative", height: props.compact ? 20 : 36 }}>
          {days.map((day) => (
            <Text key={day.date} size="xs" fw={700} truncate style={label(day.start, day.end)}>
              {day.title}
            </Text>
          ))}
          {!props.compact &&
            ticks.map((tick, i) => (
              <Text
                key={tick.at}
                size="xs"
                truncate
                style={{ ...label(tick.at, ticks[i + 1]?.at ?? end), top: 18 }}
              >
                {tick.label}
              </Text>
            ))}
        </div>
        {rows.map((row) => (
          <Row
            key={row.person.id}
            label={<ChartName person={row.person} viewerZone={viewerZone} now={now} />}
          >
            <div style={{ position: "absolute", inset: 0, background: OFF }} />
            {shared.map((s) => (
              <div key={`o${s.start}`} style={{ ...bar(s, OVERLAP), top: -4, bottom: -4 }} />
            ))}
            {(row.spans ?? []).map((s) => (
              <div key={s.start} style={{ ...bar(s, WORKING), top: 6, bottom: 6, borderRadius: 3 }} />
            ))}
            <Marks ticks={ticks} at={at} now={now} />
          </Row>
        ))}
      </div>
      <Group gap="md" mt="sm">
        <Legend swatch={{ background: WORKING }} label="working" />
        <Legend swatch={{ background: OFF }} label="outside working hours" />
        <Legend swatch={{ background: OVERLAP }} label="those working overlap" />
        <Legend swatch={{ background: NOW, width: 3 }} label="now" />
      </Group>
    </Box>
  );
}

/** The name on one line and, when it differs, their local time on the next: nothing wraps into anything. */
function ChartName(props: { person: PersonView; viewerZone: string; now: number }) {
  const theirs = formatTime(props.now, props.person.timeZone);
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500} truncate>
        {props.person.name}
      </Text>
      {theirs !== formatTime(props.now, props.viewerZone) && (
        <Text size="xs" c="dimmed" truncate>
          {theirs} their time
        </Text>
      )}
    </Stack>
  );
}

function Row({ label, children }: { label: React.ReactNode; children: React.ReactNode }) {
  return (
    <>
      <div style={{ alignSelf: "center", minWidth: 0 }}>{label}</div>
      <div
        style={{
          position: "relative",
          height: 32,
          borderRadius: 4,
          border: "1px solid var(--mantine-color-default-border)",
        }}
      >
        {children}
      </div>
    </>
  );
}

function Marks(props: { ticks: { at: number; hour: number }[]; at: (t: number) => string; now: number }) {
  return (
    <>
      {props.ticks
        .filter((t) => t.hour === 0)
        .map((t) => (
          <div
            key={t.at}
            style={{
              position: "absolute",
              top: 0,
              bottom: 0,
              left: props.at(t.at),
              borderLeft: "1px solid var(--mantine-color-gray-6)",
            }}
          />
        ))}
      <div
        style={{
          position: "absolute",
          top: -4,
          bottom: -4,
          left: props.at(props.now),
          width: 2,
          background: NOW,
        }}
      />
    </>
  );
}

function Legend({ swatch, label }: { swatch: CSSProperties; label: string }) {
  return (
    <Group gap={6}>
      <span
        style={{
          display: "inline-block",
          width: 16,
          height: 12,
          border: "1px solid var(--mantine-color-default-border)",
          ...swatch,
        }}
      />
      <Text size="xs">{label}</Text>
    </Group>
  );
}
