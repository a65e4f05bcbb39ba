import { Group, Stack, Text } from "@mantine/core";
import type { CSSProperties } from "react";
import type { Span } from "../../lib/resources";
import { formatSpan } from "../../lib/time";
import type { WeekDay } from "../../lib/week";
import type { CalendarBusy } from "./api";
import { partsOn } from "./week";

const SHADE = "repeating-linear-gradient(135deg, var(--mantine-color-gray-4) 0 3px, transparent 3px 8px)";
const WORK = "var(--mantine-color-body)";
const BUSY = "var(--mantine-color-red-7)";
const FOCUS = "var(--mantine-color-violet-6)";

export interface WeekData {
  working: Span[];
  busy: CalendarBusy[];
  focus: Span[];
}

/**
 * A person's week in the viewer's zone, a row per day: working hours plain, the rest shaded (never
 * hidden), busy blocks and focus blocks drawn on top; each day says the same in words below its bar.
 */
export function WeekView(props: { label: string; days: WeekDay[]; data: WeekData; zone: string }) {
  const { days, data, zone } = props;
  return (
    <Stack gap="sm">
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: "none" }} aria-label={props.label}>
        {days.map((day) => (
          <DayRow key={day.date} day={day} data={data} zone={zone} />
        ))}
      </Stack>
      <Group gap="md" aria-hidden="true">
        <Swatch
          style={{ background: WORK, border: "1px solid var(--mantine-color-default-border)" }}
          label="working hours"
        />
        <Swatch style={{ background: SHADE }} label="outside working hours" />
        <Swatch style={{ background: BUSY }} label="busy" />
        <Swatch style={{ background: FOCUS }} label="focus block" />
      </Group>
    </Stack>
  );
}

function DayRow({ day, data, zone }: { day: WeekDay; data: WeekData; zone: string }) {
  const working = partsOn(data.working, day);
  const busy = partsOn(data.busy, day);
  const focus = partsOn(data.focus, day);
  const place = (s: Span): CSSProperties => ({
    position: "absolute",
    left: `${((s.start - day.start) / (day.end - day.start)) * 100}%`,
    width: `max(3px, ${((s.end - s.start) / (day.end - day.start)) * 100}%)`,
  });
  const words = [
    working.length ? `Working ${working.map((s) => formatSpan(s, zone)).join(", ")}` : "Not working",
    ...busy.map((s) => `busy ${formatSpan(s, zone)} (${s.calendar})`),
    ...focus.map((s) => `focus ${formatSpan(s, zone)}`),
  ];
  return (
    <li aria-label={day.title} data-date={day.date}>
      <Text size="sm" fw={700}>
        {day.title}
      </Text>
      <div
        aria-hidden="true"
        style={{
          position: "relative",
          height: 28,
          background: SHADE,
          border: "1px solid var(--mantine-color-default-border)",
          borderRadius: 4,
          overflow: "hidden",
        }}
      >
        {working.map((s) => (
          <div key={`w${s.start}`} style={{ ...place(s), top: 0, bottom: 0, background: WORK }} />
        ))}
        {focus.map((s) => (
          <div
            key={`f${s.start}`}
            style={{ ...place(s), top: 3, bottom: 14, background: FOCUS, borderRadius: 2 }}
          />
        ))}
        {busy.map((s) => (
          <div
            key={`b${s.start}${s.calendar}`}
            data-testid="busy-block"
            style={{ ...place(s), top: 14, bottom: 3, background: BUSY, borderRadius: 2 }}
          />
        ))}
      </div>
      <Text size="xs" c="dimmed">
        {words.join("; ")}
      </Text>
    </li>
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
