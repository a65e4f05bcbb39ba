import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { AGENDA_OUTCOMES } from "../../../../contracts/meetings";
import { useMeetingTemplates } from "../api";
import { type AgendaRow, emptyRow, rowsFromTemplate } from "./draft";

const OUTCOME_WORDS = { inform: "Inform", discuss: "Discuss", decide: "Decide" } as const;

/** The agenda before saving: start from a template (or nothing), then edit, add and remove items. */
export function AgendaEditor(props: {
  rows: AgendaRow[];
  onChange: (rows: AgendaRow[]) => void;
  errors: Record<string, string>;
}) {
  const templates = useMeetingTemplates();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const { rows, onChange, errors } = props;
  const update = (key: string, patch: Partial<AgendaRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const applyTemplate = (id: string | null) => {
    setTemplateId(id);
    const template = templates.data?.find((t) => t.id === id);
    if (template) onChange(rowsFromTemplate(template));
  };

  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={500} size="sm">
        Agenda
      </Text>
      <Text size="sm" c="dimmed">
        A meeting with an agenda is shorter. Start from a template and change what you need; "inform" items
        could often be a written update instead.
      </Text>
      <Select
        label="Start from a template"
        placeholder={templates.isLoading ? "Loading templates…" : "Choose a template"}
        data={(templates.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
        value={templateId}
        onChange={applyTemplate}
        description={rows.length > 0 ? "Choosing one replaces the items below." : undefined}
        clearable
        maw={420}
      />
      {rows.map((row, i) => (
        <Group
          key={row.key}
          align="flex-start"
          gap="xs"
          wrap="wrap"
          aria-label={`Agenda item ${i + 1}`}
          role="group"
        >
          <TextInput
            label={`Item ${i + 1}`}
            value={row.title}
            onChange={(e) => update(row.key, { title: e.currentTarget.value })}
            error={errors[`agenda[${i}].title`]}
            required
            style={{ flex: "1 1 260px" }}
          />
          <NumberInput
            label="Minutes"
            min={1}
            max={480}
            value={row.minutes ?? ""}
            onChange={(v) => {
              const { minutes: _drop, ...rest } = row;
              onChange(
                rows.map((r) =>
                  r.key === row.key ? (v === "" ? rest : { ...rest, minutes: Number(v) }) : r,
                ),
              );
            }}
            error={errors[`agenda[${i}].minutes`]}
            w={110}
          />
          <Select
            label="Outcome"
            data={AGENDA_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_WORDS[o] }))}
            value={row.outcome}
            onChange={(v) => v && update(row.key, { outcome: v as AgendaRow["outcome"] })}
            allowDeselect={false}
            w={130}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={28}
            aria-label={`Remove item ${i + 1}${row.title ? `: ${row.title}` : ""}`}
            onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="default" size="compact-sm" onClick={() => onChange([...rows, emptyRow()])}>
          Add an item
        </Button>
      </Group>
    </Stack>
  );
}
