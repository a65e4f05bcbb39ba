import {
  MultiSelect,
  type MultiSelectProps,
  Radio,
  Select,
  type SelectProps,
  SimpleGrid,
} from "@mantine/core";
import type { MeetingKind } from "../../../contracts/agreement";
import { KIND_OPTIONS } from "../agreement";
import { PURPOSE_CHOICES, type Purpose } from "./advice-text";

/** The advisor's first question, "What is it for?": one purpose, each with what it means. */
export function PurposeField(props: {
  value: Purpose | null;
  onChange(purpose: Purpose): void;
  error?: string | undefined;
}) {
  return (
    <Radio.Group
      label="What is it for?"
      required
      value={props.value}
      onChange={(v) => props.onChange(v as Purpose)}
      error={props.error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mt={6}>
        {PURPOSE_CHOICES.map((p) => (
          <Radio key={p.value} value={p.value} label={p.label} description={p.description} />
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

/** A meeting kind from the one kind list (clearable unless told otherwise). */
export function KindSelect({
  onChange,
  ...select
}: Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: MeetingKind | null;
  onChange(kind: MeetingKind | null): void;
}) {
  return (
    <Select
      data={KIND_OPTIONS}
      clearable
      searchable
      onChange={(v) => onChange(v as MeetingKind | null)}
      {...select}
    />
  );
}

/** "Who takes part": people from the directory. */
export function ParticipantsField({
  people,
  ...select
}: Omit<MultiSelectProps, "data" | "label"> & { people: readonly { id: string; name: string }[] }) {
  return (
    <MultiSelect
      label="Who takes part"
      data={people.map((p) => ({ value: p.id, label: p.name }))}
      searchable
      required
      {...select}
    />
  );
}
