import { Button, Group, TextInput } from "@mantine/core";

export interface PeriodFilters {
  from: string;
  to: string;
}

/** The weeks shown: a date in the first and one in the last, in the viewer's zone; empty is the last 12 weeks. */
export function PeriodPicker(props: {
  value: PeriodFilters;
  onChange: (next: PeriodFilters) => void;
  zone: string;
}) {
  const { value, onChange } = props;
  return (
    <Group align="flex-end" gap="md" wrap="wrap" role="group" aria-label="Weeks shown">
      <TextInput
        type="date"
        label={`From (${props.zone})`}
        value={value.from}
        max={value.to || undefined}
        onChange={(e) => onChange({ ...value, from: e.currentTarget.value })}
      />
      <TextInput
        type="date"
        label="To"
        value={value.to}
        min={value.from || undefined}
        onChange={(e) => onChange({ ...value, to: e.currentTarget.value })}
      />
      {(value.from || value.to) && (
        <Button variant="subtle" onClick={() => onChange({ from: "", to: "" })}>
          Last 12 weeks
        </Button>
      )}
    </Group>
  );
}
