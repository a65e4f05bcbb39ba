import { Button, Card, Checkbox, Group, Progress, Select, Stack, Text, Title } from "@mantine/core";
import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import type { SlotsBody, SlotView } from "../../../contracts/scheduling";
import { AttendeePicker } from "../../components/AttendeePicker";
import { EmptyHint } from "../../components/EmptyHint";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { fieldErrors, submitWith, useAction } from "../../lib/action";
import { usePeople, useTeams, workingTimeQuery } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { localDay } from "../../lib/time";
import { findSlots } from "./api";
import { daysBetween, todayAnd, weekFrom, weekStarts, windowOfDates } from "./dates";
import { CountInput, DateField, LengthInput } from "./fields";
import { SlotList } from "./SlotList";
import type { Who } from "./slot-text";
import { WeekHoursTable, WeekTimeline } from "./WeekTimeline";

interface Search {
  required: string[];
  optional: string[];
  durationMinutes: number;
  first: string;
  last: string;
  bufferMinutes: number;
  allowOutside: boolean;
}

/** The request for a search; a window starting today starts now (nobody meets in the past). */
function toBody(s: Search, zone: string, now: number): SlotsBody {
  const window = windowOfDates(zone, s.first, s.last);
  window.start = Math.min(Math.max(window.start, now), window.end - 1);
  return {
    attendees: [
      ...s.required.map((personId) => ({ personId, required: true })),
      ...s.optional.map((personId) => ({ personId, required: false })),
    ],
    durationMinutes: s.durationMinutes,
    from: new Date(window.start).toISOString(),
    to: new Date(window.end).toISOString(),
    bufferMinutes: s.bufferMinutes,
    allowOutsideWorkingHours: s.allowOutside,
  };
}

/** "Find a time": ranked slots for people or a team, each with everyone's local time, and the week on one axis. */
export function FindTimePage() {
  const viewer = useViewer();
  const people = usePeople();
  const teams = useTeams();
  // The advisor links here with ?people=id,id&duration=N to carry its answer over.
  const [params] = useSearchParams();
  const [form, setForm] = useState<Search>(() => {
    const [first, last] = todayAnd(viewer.zone, Date.now(), 6);
    const asked = Number(params.get("duration"));
    const base = { durationMinutes: asked > 0 ? asked : 30, bufferMinutes: 0, allowOutside: false };
    const people = params.get("people")?.split(",").filter(Boolean) ?? [];
    return { ...base, required: people.length > 0 ? people : [viewer.person.id], optional: [], first, last };
  });
  const [dateError, setDateError] = useState<string | undefined>();
  const set = <K extends keyof Search>(key: K, value: Search[K]) =>
    setForm((prev) => ({ ...prev, [key]: value }));
  const search = useAction(async (s: Search) => ({
    slots: await findSlots(toBody(s, viewer.zone, Date.now())),
    asked: s,
  }));
  const errors = fieldErrors(search.error);
  const run = (s: Search) => {
    const ok = daysBetween(s.first, s.last) > 0;
    setDateError(ok ? undefined : "Choose a last day on or after the first day");
    if (ok) search.mutate(s);
  };
  if (!people.data) return <Loading error={people.error} />;

  return (
    <Stack>
      <Title order={1} size="h2">
        Find a time
      </Title>
      <Text c="dimmed">
        Times when everyone required works and is free, best first. Times are in your zone ({viewer.zone}),
        with each person's own clock beside their name.
      </Text>
      <Card withBorder component="form" onSubmit={submitWith(() => run(form))} aria-label="What to find">
        <Stack gap="sm">
          <AttendeePicker
            label="Required people"
            people={people.data}
            teams={teams.data}
            value={form.required}
            taken={form.optional}
            onChange={(ids) => set("required", ids)}
            error={errors.attendees}
            required
          />
          <AttendeePicker
            label="Optional people"
            description="Their conflicts lower a time's score but never rule it out."
            people={people.data}
            teams={teams.data}
            value={form.optional}
            taken={form.required}
            onChange={(ids) => set("optional", ids)}
          />
          <Group align="flex-start" gap="sm" wrap="wrap">
            <LengthInput
              value={form.durationMinutes}
              onChange={(v) => set("durationMinutes", v)}
              error={errors.durationMinutes}
            />
            <DateField
              label="From"
              value={form.first}
              onChange={(v) => set("first", v)}
              error={errors.from}
            />
            <DateField
              label="Until (included)"
              value={form.last}
              onChange={(v) => set("last", v)}
              error={dateError ?? errors.to}
            />
            <CountInput
              label="Buffer around other meetings (minutes)"
              min={0}
              max={240}
              step={5}
              value={form.bufferMinutes}
              onChange={(v) => set("bufferMinutes", v)}
              error={errors.bufferMinutes}
              w={260}
            />
          </Group>
          <Checkbox
            label="Allow times outside required people's working hours (they count against a time's score)"
            checked={form.allowOutside}
            onChange={(e) => set("allowOutside", e.currentTarget.checked)}
          />
          <FormError error={search.error} />
          <Group>
            <Button type="submit" loading={search.isPending}>
              Find times
            </Button>
          </Group>
        </Stack>
      </Card>
      {search.isPending && (
        <Stack gap={4} role="status">
          <Text size="sm">Looking through everyone's hours and calendars…</Text>
          <Progress value={100} animated striped aria-label="Searching for times" />
        </Stack>
      )}
      {search.data && !search.isPending && (
        <Results
          slots={search.data.slots}
          asked={search.data.asked}
          people={people.data}
          onAllowOutside={() => {
            const wider = { ...search.data.asked, allowOutside: true };
            setForm(wider);
            run(wider);
          }}
        />
      )}
    </Stack>
  );
}

function Results(props: {
  slots: SlotView[];
  asked: Search;
  people: { id: string; name: string; timeZone: string }[];
  onAllowOutside: () => void;
}) {
  const viewer = useViewer();
  const { slots, asked } = props;
  const [picked, setPicked] = useState<string | null>(null);
  const weeks = weekStarts(asked.first, asked.last);
  const [chosenWeek, setChosenWeek] = useState<string>(weeks[0] ?? asked.first);
  const pickedSlot = slots.find((s) => s.start === picked);
  const pickedDate = pickedSlot ? localDay(viewer.zone, Date.parse(pickedSlot.start)).date : null;
  const week = pickedDate ? (weeks.filter((w) => w <= pickedDate).at(-1) ?? chosenWeek) : chosenWeek;
  const days = weekFrom(viewer.zone, week);
  const span = { start: days[0]?.start ?? 0, end: days.at(-1)?.end ?? 0 };
  const ids = [...asked.required, ...asked.optional];
  const byId = new Map<string, Who>(props.people.map((p) => [p.id, p]));
  const hours = useQueries({ queries: ids.map((id) => workingTimeQuery(id, span)) });
  const rows = ids.map((id, i) => ({
    who: byId.get(id) ?? { id, name: "Someone", timeZone: "UTC" },
    spans: hours[i]?.data,
  }));
  const marks = slots.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) }));

  if (slots.length === 0) {
    return (
      <EmptyHint
        title="No time fits everyone"
        action={
          !asked.allowOutside && (
            <Button onClick={props.onAllowOutside}>Search again, allowing outside hours</Button>
          )
        }
      >
        No time in this window falls inside every required person's working hours while they are all free.
        Make some people optional, widen the window, or allow times outside working hours.
      </EmptyHint>
    );
  }
  return (
    <Stack>
      <Title order={3}>Suggested times</Title>
      <SlotList
        slots={slots}
        people={byId}
        required={new Set(asked.required)}
        viewerZone={viewer.zone}
        picked={picked}
        onPick={(start) => setPicked(start === picked ? null : start)}
      />
      <Card withBorder component="section" aria-labelledby="timeline-heading">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Title order={3} id="timeline-heading">
              The week on one clock
            </Title>
            {weeks.length > 1 && (
              <Select
                label="Week from"
                data={weeks.map((w) => ({ value: w, label: weekFrom(viewer.zone, w)[0]?.title ?? w }))}
                value={week}
                allowDeselect={false}
                onChange={(w) => {
                  if (w) setChosenWeek(w);
                  setPicked(null);
                }}
                w={200}
              />
            )}
          </Group>
          <WeekTimeline
            days={days}
            rows={rows}
            slots={marks}
            picked={
              pickedSlot
                ? { start: Date.parse(pickedSlot.start), end: Date.parse(pickedSlot.end) }
                : undefined
            }
            viewerZone={viewer.zone}
          />
          <WeekHoursTable days={days} rows={rows} viewerZone={viewer.zone} />
        </Stack>
      </Card>
    </Stack>
  );
}
