import { Group, Radio, Select } from "@mantine/core";
import { MAX_SERIES_OCCURRENCES } from "../../../../contracts/meetings";
import { CountInput, DateField } from "../../scheduling";
import type { MeetingDraft, Repeat } from "./draft";

const REPEAT_OPTIONS: { value: Repeat; label: string }[] = [
  { value: "none", label: "Does not repeat" },
  { value: "weekly", label: "Every week" },
  { value: "biweekly", label: "Every 2 weeks" },
  { value: "monthly", label: "Every month (same weekday)" },
];

/** A series: how often (on the organiser's wall clock, so DST keeps the local time) and until when. */
export function RepeatFields(props: {
  draft: MeetingDraft;
  set: <K extends keyof MeetingDraft>(key: K, value: MeetingDraft[K]) => void;
  errors: Record<string, string>;
}) {
  const { draft, set, errors } = props;
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <Select
        label="Repeats"
        data={REPEAT_OPTIONS}
        value={draft.repeat}
        onChange={(v) => v && set("repeat", v as Repeat)}
        allowDeselect={false}
        error={errors["recurrence.frequency"] ?? errors.recurrence}
        w={240}
      />
      {draft.repeat !== "none" && (
        <>
          <Radio.Group
            label="Ends"
            value={draft.endBy}
            onChange={(v) => set("endBy", v as MeetingDraft["endBy"])}
          >
            <Group gap="md" mt={10}>
              <Radio value="count" label="After a number of meetings" />
              <Radio value="until" label="On a date" />
            </Group>
          </Radio.Group>
          {draft.endBy === "count" ? (
            <CountInput
              label="How many meetings"
              min={2}
              max={MAX_SERIES_OCCURRENCES}
              value={draft.count}
              onChange={(v) => set("count", v)}
              error={errors["recurrence.count"]}
            />
          ) : (
            <DateField
              label="Last date (included)"
              value={draft.until}
              onChange={(v) => set("until", v)}
              error={errors["recurrence.until"]}
            />
          )}
        </>
      )}
    </Group>
  );
}
