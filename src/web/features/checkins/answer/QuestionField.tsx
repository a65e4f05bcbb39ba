import { Checkbox, Group, Radio, Select, Stack, Text, Textarea } from "@mantine/core";
import type { PersonView } from "../../../../contracts/people";
import type { AskedQuestion } from "../api";
import { PulseLockNote } from "../PulseLockNote";
import type { AnswerEntry } from "./draft";
import { onScaleKeyDown, STOP } from "./keyboard";

const SCALE = [1, 2, 3, 4, 5];

/** One question of the answer form, by its type; each place the cursor stops at is marked for Enter. */
export function QuestionField(props: {
  n: number;
  question: AskedQuestion;
  entry: AnswerEntry;
  onChange(entry: AnswerEntry): void;
  /** People who may be named to unblock (active, not me). */
  people: PersonView[];
  error?: string;
}) {
  const { question: q, entry, onChange, n } = props;
  const label = `${n}. ${q.prompt}`;
  if (q.type === "text" || q.type === "blocker")
    return (
      <Stack gap="xs">
        <Textarea
          {...STOP}
          label={label}
          autosize
          minRows={1}
          maxRows={8}
          value={entry.text}
          onChange={(e) => onChange({ ...entry, text: e.currentTarget.value })}
          error={props.error}
          placeholder={q.type === "blocker" ? "Nothing, or what is in your way" : undefined}
        />
        {q.type === "blocker" && (
          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              {...STOP}
              label={q.unblockerPrompt ?? "Who can unblock you?"}
              description="Optional: they are told, inside their working hours."
              data={props.people.map((p) => ({ value: p.id, label: p.name }))}
              value={entry.unblockerId}
              onChange={(unblockerId) =>
                onChange({ ...entry, unblockerId, urgent: unblockerId ? entry.urgent : false })
              }
              searchable
              clearable
              style={{ flex: "1 1 260px" }}
            />
            <Checkbox
              {...STOP}
              label="Urgent: tell them now"
              description="Even outside their hours."
              checked={entry.urgent}
              disabled={!entry.unblockerId}
              onChange={(e) => onChange({ ...entry, urgent: e.currentTarget.checked })}
            />
          </Group>
        )}
      </Stack>
    );
  if (q.type === "yes_no")
    return (
      <Radio.Group
        {...STOP}
        label={label}
        value={entry.value === null ? null : entry.value ? "yes" : "no"}
        onChange={(v) => onChange({ ...entry, value: v === "yes" })}
        error={props.error}
      >
        <Group gap="lg" mt={6}>
          <Radio value="yes" label="Yes" />
          <Radio value="no" label="No" />
        </Group>
      </Radio.Group>
    );
  // Scale and pulse: a row of 1 … 5, with the question's labels under the numbers.
  const choose = (value: number) => onChange({ ...entry, value });
  return (
    <Stack gap={4}>
      <Radio.Group
        {...STOP}
        label={label}
        description="Press 1 to 5, or move with the arrow keys."
        value={typeof entry.value === "number" ? String(entry.value) : null}
        onChange={(v) => choose(Number(v))}
        onKeyDown={(e) => onScaleKeyDown(e, choose)}
        error={props.error}
      >
        <Group gap="xs" mt={6} wrap="wrap">
          {SCALE.map((v) => (
            <Radio.Card
              key={v}
              value={String(v)}
              aria-label={q.options?.[v - 1] ? `${v}: ${q.options[v - 1]}` : String(v)}
              // One stop for the group: the chosen card (else the first); arrows and 1–5 move inside it.
              tabIndex={(entry.value ?? 1) === v ? 0 : -1}
              radius="md"
              p="xs"
              miw={104}
              withBorder
            >
              <Group gap={6} wrap="nowrap">
                <Radio.Indicator />
                <Stack gap={0}>
                  <Text fw={600} size="sm">
                    {v}
                  </Text>
                  {q.options?.[v - 1] && (
                    <Text size="xs" c="dimmed" lh={1.2}>
                      {q.options[v - 1]}
                    </Text>
                  )}
                </Stack>
              </Group>
            </Radio.Card>
          ))}
        </Group>
      </Radio.Group>
      {q.type === "pulse" && <PulseLockNote answering />}
    </Stack>
  );
}
