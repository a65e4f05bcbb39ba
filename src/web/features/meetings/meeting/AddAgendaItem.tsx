import { NumberInput, Select, TextInput } from "@mantine/core";
import { useState } from "react";
import type { AgendaItemInput } from "../../../../contracts/meetings";
import { fieldErrors, submitWith } from "../../../lib/action";
import { AddForm, OwnerSelect } from "./AddForm";
import { useMeetingAction } from "./api";
import type { MeetingContext } from "./context";

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
    <AddForm label="Add an agenda item" onSubmit={submit} pending={add.isPending} error={add.error}>
      <TextInput
        label="New item"
        required
        style={{ flex: 2, minWidth: 180 }}
        value={form.title}
        onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
        error={errors.title}
      />
      <OwnerSelect
        meeting={meeting}
        clearable
        value={form.ownerId}
        onChange={(ownerId) => setForm({ ...form, ownerId })}
        error={errors.ownerId}
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
    </AddForm>
  );
}
