import { Box, Group, Table, Text } from "@mantine/core";
import type { CSSProperties, ReactNode } from "react";
import type { Span } from "../../lib/resources";
import { type ClockDay, describeSpans, hourTicks, spansOn } from "../clock";
import type { Who } from "./slot-text";

export interface TimelineRow {
  who: Who;
  /** Working time in the week; undefined while loading. */
  spans: Span[] | undefined;
}

const SHADE = "repeating-linear-gradient(135deg, var(--mantine-color-gray-4) 0 3px, transparent 3px 8px)";
const WORK = "var(--mantine-color-teal-6)";
const SLOT = "var(--mantine-color-indigo-7)";
const PICKED = "var(--mantine-color-orange-7)";

/**
 * A week on one axis in the viewer's zone: a row per person (working hours as bars, the rest shaded)
 * and the candidate slots marked across every row. Drawn for the eye only; {@link WeekHoursTable}
 * says the same in text.
 */
export function WeekTimeline(props: {
  days: ClockDay[];
  rows: TimelineRow[];
  slots: Span[];
  picked?: Span;
  viewerZone: string;
}) {
  const { days, rows, slots, picked } = props;
  const start = days[0]?.start ?? 0;
  const end = days.at(-1)?.end ?? 1;
  const pct = (t: number) => ((Math.min(Math.max(t, start), end) - start) / (end - start)) * 100;
  const place = (s: Span): CSSProperties => ({
    position: "absolute",
    left: `${pct(s.start)}%`,
    width: `max(3px, ${pct(s.end) - pct(s.start)}%)`,
  });
  const marks = (
    <>
      {hourTicks(days, props.viewerZone)
        .filter((t) => t.hour === 0)
        .map((t) => (
          <div key={t.at} style={{ ...place({ start: t.at, end: t.at }), top: 0, bottom: 0, width: 1 }}>
            <div style={{ height: "100%", borderLeft: "1px solid var(--mantine-color-gray-6)" }} />
          </div>
        ))}
      {slots.map((s) => (
        <div key={s.start} style={{ ...place(s), top: 0, bottom: 0, background: SLOT, opacity: 0.55 }} />
      ))}
      {picked && <div style={{ ...place(picked), top: -3, bottom: -3, background: PICKED }} />}
    </>
  );
  return (
    <Box aria-hidden="true" data-testid="week-timeline">
      <div style={{ display: "grid", gridTemplateColumns: "minmax(90px, 160px) 1fr", gap: 6 }}>
        <div />
        <div style={{ position: "relative", height: 20 }}>
          {days.map((d) => (
            <Text key={d.date} size="xs" fw={700} style={{ ...place(d), top: 0, paddingLeft: 3 }} truncate>
              {d.title}
            </Text>
          ))}
        </div>
        {rows.map((row) => (
          <TrackRow key={row.who.id} label={row.who.name}>
            <div style={{ position: "absolute", inset: 0, background: SHADE }} />
            {(row.spans ?? []).map((s) => (
              <div
                key={s.start}
                style={{ ...place(s), top: 5, bottom: 5, background: WORK, borderRadius: 2 }}
              />
            ))}
            {marks}
          </TrackRow>
        ))}
      </div>
      <Group gap="md" mt="xs">
        <Swatch style={{ background: WORK }} label="working hours" />
        <Swatch style={{ background: SHADE }} label="outside working hours" />
        <Swatch style={{ background: SLOT, opacity: 0.55 }} label="suggested times" />
        <Swatch style={{ background: PICKED }} label="the time you picked" />
      </Group>
    </Box>
  );
}

function TrackRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text size="sm" truncate style={{ alignSelf: "center" }}>
        {label}
      </Text>
      <div
        style={{
          position: "relative",
          height: 28,
          border: "1px solid var(--mantine-color-default-border)",
          borderRadius: 4,
        }}
      >
        {children}
      </div>
    </>
  );
}

function Swatch({ style, label }: { style: CSSProperties; label: string }) {
  return (
    <Group gap={6}>
      <span style={{ display: "inline-block", width: 16, height: 12, ...style }} />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/** The timeline in words: each person's working hours per day, in the viewer's zone. */
export function WeekHoursTable(props: { days: ClockDay[]; rows: TimelineRow[]; viewerZone: string }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table captionSide="top" fz="xs">
        <Table.Caption>Working hours that week, in your time ({props.viewerZone})</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Person</Table.Th>
            {props.days.map((d) => (
              <Table.Th key={d.date} scope="col">
                {d.title}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.who.id}>
              <Table.Th scope="row">{row.who.name}</Table.Th>
              {props.days.map((d) => (
                <Table.Td key={d.date}>
                  {row.spans ? describeSpans(spansOn(row.spans, d), props.viewerZone) : "…"}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
