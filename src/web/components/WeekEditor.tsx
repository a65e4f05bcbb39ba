import { ActionIcon, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import type { QueryKey } from "@tanstack/react-query";
import { type Dispatch, type ReactNode, type SetStateAction, useState } from "react";
import { type LocalInterval, WEEKDAYS, type Weekday, type WeekPattern } from "../../core/time";
import { fieldErrors, useAction } from "../lib/action";
import { api } from "../lib/api";
import {
  DAY_NAMES,
  type EditableWeek,
  editableWeek,
  humanizePatternMessage,
  weekToSend,
} from "../lib/pattern";
import { FormSection } from "./FormSection";

/** How one editor names its spans, so two editors on a page have distinct labels. */
export interface WeekEditorWords {
  /** One span in labels and messages: "Monday hours 1 start", "Monday focus block 1 start". */
  span: string;
  /** The add button's text; its label adds the day ("Add hours on Monday"). */
  add: string;
  /** A day without spans ("Not working"). */
  none: string;
  /** The clear button's label for a day. */
  clear(day: string): string;
  /** The span a day's first "add" proposes. */
  first: LocalInterval;
  /** Said above the days while the whole week is empty (what to do first). */
  emptyWeek?: string;
}

type Presets = { label: string; week: WeekPattern }[];

/** A weekly pattern in its own card, saved with PUT `{ week }` to `path`; what was typed stays on error. */
export function WeekPatternForm(props: {
  id: string;
  title: string;
  action: string;
  /** The notification on success. */
  done: string;
  path: string;
  refresh: QueryKey[];
  initial: WeekPattern;
  words: WeekEditorWords;
  presets: Presets;
  intro: ReactNode;
}) {
  const [week, setWeek] = useState<EditableWeek>(() => editableWeek(props.initial));
  const save = useAction(() => api("PUT", props.path, { week: weekToSend(week) }), {
    refresh: props.refresh,
    done: props.done,
  });
  return (
    <FormSection id={props.id} title={props.title} action={props.action} save={save} intro={props.intro}>
      <WeekEditor
        week={week}
        setWeek={setWeek}
        words={props.words}
        fields={fieldErrors(save.error)}
        presets={props.presets}
      />
    </FormSection>
  );
}

/**
 * A weekly pattern of local-time spans (working hours, focus blocks): per-day spans, presets,
 * the server's field errors beside the span they name. The caller owns the state and the save.
 */
export function WeekEditor(props: {
  week: EditableWeek;
  setWeek: Dispatch<SetStateAction<EditableWeek>>;
  words: WeekEditorWords;
  /** Field path ("week.tue[1].end") → message, from the failed save. */
  fields: Record<string, string>;
  presets?: Presets;
}) {
  const { week, setWeek, words, fields } = props;
  const setDay = (day: Weekday, spans: LocalInterval[]) => setWeek((w) => ({ ...w, [day]: spans }));
  const setSpan = (day: Weekday, index: number, part: keyof LocalInterval, value: string) =>
    setDay(
      day,
      week[day].map((s, i) => (i === index ? { ...s, [part]: value } : s)),
    );
  const empty = WEEKDAYS.every((d) => week[d].length === 0);
  return (
    <>
      {empty && words.emptyWeek && <Text size="sm">{words.emptyWeek}</Text>}
      {props.presets && props.presets.length > 0 && (
        <Group gap="xs">
          {props.presets.map((preset) => (
            <Button
              key={preset.label}
              variant="light"
              size="xs"
              onClick={() => setWeek(editableWeek(preset.week))}
            >
              {preset.label}
            </Button>
          ))}
        </Group>
      )}
      {WEEKDAYS.map((day) => (
        <Group key={day} align="flex-start" gap="xs" wrap="wrap">
          <Text w={100} pt={6} fw={500}>
            {DAY_NAMES[day]}
          </Text>
          <Stack gap={6} style={{ flex: 1, minWidth: 220 }}>
            {week[day].length === 0 && (
              <Text size="sm" c="dimmed" pt={6}>
                {words.none}
              </Text>
            )}
            {week[day].map((span, index) => {
              const label = `${DAY_NAMES[day]} ${words.span} ${index + 1}`;
              const path = `week.${day}[${index}]`;
              const error = fields[path] ?? fields[`${path}.start`] ?? fields[`${path}.end`];
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: spans have no identity beyond their place
                <Group key={index} gap={6} align="flex-start" wrap="nowrap">
                  <TextInput
                    aria-label={`${label} start`}
                    placeholder={words.first.start}
                    w={80}
                    value={span.start}
                    onChange={(e) => setSpan(day, index, "start", e.currentTarget.value)}
                    error={error ? humanizePatternMessage(error, words.span) : undefined}
                  />
                  <Text pt={6} aria-hidden>
                    –
                  </Text>
                  <TextInput
                    aria-label={`${label} end`}
                    placeholder={words.first.end}
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
              aria-label={`${words.add} on ${DAY_NAMES[day]}`}
              onClick={() => setDay(day, [...week[day], nextSpan(week[day], words.first)])}
            >
              {words.add}
            </Button>
            <Button
              variant="subtle"
              size="compact-sm"
              color="gray"
              aria-label={words.clear(DAY_NAMES[day])}
              disabled={week[day].length === 0}
              onClick={() => setDay(day, [])}
            >
              Clear day
            </Button>
          </Group>
        </Group>
      ))}
    </>
  );
}

/** A sensible next span: an hour after the day's last one, else the editor's first span. */
function nextSpan(spans: LocalInterval[], first: LocalInterval): LocalInterval {
  const last = spans.at(-1);
  if (!last) return { ...first };
  const hour = Math.min(Number(last.end.slice(0, 2)) + 1, 22);
  return { start: `${String(hour).padStart(2, "0")}:00`, end: `${String(hour + 1).padStart(2, "0")}:00` };
}
