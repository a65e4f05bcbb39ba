import { Button, Group, NumberInput, Select, TextInput } from "@mantine/core";
import { useState } from "react";
import type { AgendaItemInput } from "../../../../contracts/meetings";
import { FormError } from "../../../components/FormError";
import { fieldErrors, submitWith } from "../../../lib/action";
import { useMeetingAction } from "./api";
import { attendeeOptions, type MeetingContext } from "./context";

const OUTCOMES = [
  { value: "discuss", label: "Discuss" },
  { value: "decide", label: "Decide" },
  { value: "inform", label: "Inform (could be async)" },
];

const EMPTY = {
  title: "",
  ownerId: null as string | null,
  minutes: "" as number | string,
  outcome: "discuss",
};

/** Adds an item at the end of the agenda; what was typed stays on a refusal. */
export function AddAgendaItem({ meeting }: MeetingContext) {
  const [form, setForm] = useState(EMPTY);
  const add = useMeetingAction(
    (body: AgendaItemInput) => ({ method: "POST", path: `/meetings/${meeting.id}/agenda-items`, body }),
    { onDone: () => setForm(EMPTY) },
  );
  const errors = fieldErrors(add.error);
  const submit = submitWith(() =>
    add.mutate({
      title: form.title.trim(),
      outcome: form.outcome as AgendaItemInput["outcome"],
      ...(form.ownerId ? { ownerId: form.ownerId } : {}),
      ...(typeof form.minutes === "number" ? { minutes: form.minutes } : {}),
    }),
  );
  return (
    <form onSubmit={submit} aria-label="Add an agenda item">
      <Group align="flex-end" gap="xs">
        <TextInput
          label="New item"
          required
          style={{ flex: 2, minWidth: 180 }}
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          error={errors.title}
        />
        <Select
          label="Owner"
          clearable
          data={attendeeOptions(meeting)}
          value={form.ownerId}
          onChange={(ownerId) => setForm({ ...form, ownerId })}
          error={errors.ownerId}
          style={{ flex: 1, minWidth: 140 }}
        />
        <NumberInput
          label="Minutes"
          min={1}
          max={480}
          w={100}
          value={form.minutes}
          onChange={(minutes) => setForm({ ...form, minutes })}
          error={errors.minutes}
        />
        <Select
          label="Outcome"
          data={OUTCOMES}
          allowDeselect={false}
          value={form.outcome}
          onChange={(outcome) => setForm({ ...form, outcome: outcome ?? "discuss" })}
          error={errors.outcome}
          w={190}
        />
        <Button type="submit" loading={add.isPending}>
          Add
        </Button>
      </Group>
      <FormError error={add.error} />
    </form>
  );
}
