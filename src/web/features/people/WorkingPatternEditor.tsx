import { ActionIcon, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { PersonView } from "../../../contracts/views";
import { type LocalInterval, WEEKDAYS, type Weekday } from "../../../core/time";
import { FormSection } from "../../components/FormSection";
import { fieldErrors, useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { keys } from "../../lib/resources";
import {
  DAY_NAMES,
  type EditableWeek,
  editableWeek,
  humanizePatternMessage,
  WEEKDAYS_NINE_TO_FIVE,
  weekToSend,
} from "./pattern";

/** A person's weekly working hours in their own zone: per-day intervals, presets, saved with PUT. */
export function WorkingPatternEditor({ person }: { person: PersonView }) {
  const [week, setWeek] = useState<EditableWeek>(() => editableWeek(person.workingPattern.week));
  const save = useAction(
    () => api("PUT", `/people/${person.id}/working-pattern`, { week: weekToSend(week) }),
    { refresh: [keys.person(person.id), keys.people, ["me"]], done: "Working pattern saved" },
  );
  const fields = fieldErrors(save.error);
  const setDay = (day: Weekday, spans: LocalInterval[]) => setWeek((w) => ({ ...w, [day]: spans }));
  const setSpan = (day: Weekday, index: number, part: keyof LocalInterval, value: string) =>
    setDay(
      day,
      week[day].map((s, i) => (i === index ? { ...s, [part]: value } : s)),
    );
  return (
    <FormSection id="pattern" title="Working pattern" action="Save working pattern" save={save}>
      <Text size="sm" c="dimmed">
        Your usual hours each week, in your own time zone ({person.timeZone}). Split a day into several spans
        for a long break; leave a day empty when you do not work.
      </Text>
      <Group gap="xs">
        <Button variant="light" size="xs" onClick={() => setWeek(editableWeek(WEEKDAYS_NINE_TO_FIVE))}>
          Mon–Fri 9–17
        </Button>
      </Group>
      {WEEKDAYS.map((day) => (
        <Group key={day} align="flex-start" gap="xs" wrap="wrap">
          <Text w={100} pt={6} fw={500}>
            {DAY_NAMES[day]}
          </Text>
          <Stack gap={6} style={{ flex: 1, minWidth: 220 }}>
            {week[day].length === 0 && (
              <Text size="sm" c="dimmed" pt={6}>
                Not working
              </Text>
            )}
            {week[day].map((span, index) => {
              const label = `${DAY_NAMES[day]} hours ${index + 1}`;
              const path = `week.${day}[${index}]`;
              const error = fields[path] ?? fields[`${path}.start`] ?? fields[`${path}.end`];
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: spans have no identity beyond their place
                <Group key={index} gap={6} align="flex-start" wrap="nowrap">
                  <TextInput
                    aria-label={`${label} start`}
                    placeholder="09:00"
                    w={80}
                    value={span.start}
                    onChange={(e) => setSpan(day, index, "start", e.currentTarget.value)}
                    error={error ? humanizePatternMessage(error) : undefined}
                  />
                  <Text pt={6} aria-hidden>
                    –
                  </Text>
                  <TextInput
                    aria-label={`${label} end`}
                    placeholder="17:00"
                    w={80}
                    value={span.end}
                    onChange={(e) => setSpan(day, index, "end", e.currentTarget.value)}
                    error={Boolean(error)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    mt={4}
                    aria-label={`Remove ${label}`}
                    onClick={() =>
                      setDay(
                        day,
                        week[day].filter((_, i) => i !== index),
                      )
                    }
                  >
                    ×
                  </ActionIcon>
                </Group>
              );
            })}
          </Stack>
          <Group gap={4}>
            <Button
              variant="subtle"
              size="compact-sm"
              aria-label={`Add hours on ${DAY_NAMES[day]}`}
              onClick={() => setDay(day, [...week[day], nextSpan(week[day])])}
            >
              Add hours
            </Button>
            <Button
              variant="subtle"
              size="compact-sm"
              color="gray"
              aria-label={`Clear ${DAY_NAMES[day]}`}
              disabled={week[day].length === 0}
              onClick={() => setDay(day, [])}
            >
              Clear day
            </Button>
          </Group>
        </Group>
      ))}
    </FormSection>
  );
}

/** A sensible next span: after the day's last one, else the usual morning. */
function nextSpan(spans: LocalInterval[]): LocalInterval {
  const last = spans.at(-1);
  if (!last) return { start: "09:00", end: "17:00" };
  const hour = Math.min(Number(last.end.slice(0, 2)) + 1, 22);
  return { start: `${String(hour).padStart(2, "0")}:00`, end: `${String(hour + 1).padStart(2, "0")}:00` };
}
