import { Group, Radio } from "@mantine/core";
import { URGENCIES, type Urgency } from "../../../../contracts/updates";

export const URGENCY_LABELS: Record<Urgency, string> = { urgent: "Urgent", normal: "Normal", low: "Low" };

/** "Normal: reply within 8 working hours of each person" — the agreement's norm for `urgency`. */
export function normText(urgency: Urgency, hours: Record<Urgency, number> | undefined): string {
  if (!hours) return `${URGENCY_LABELS[urgency]}: the agreement's reply time applies`;
  const n = hours[urgency];
  return `${URGENCY_LABELS[urgency]}: reply within ${n} working hour${n === 1 ? "" : "s"} of each person`;
}

/** How soon replies are asked for, with the agreement's reply norm stated for the choice. */
export function UrgencyField(props: {
  value: Urgency;
  onChange: (value: Urgency) => void;
  hours: Record<Urgency, number> | undefined;
  error?: string;
}) {
  return (
    <Radio.Group
      label="Urgency"
      description={`${normText(props.value, props.hours)} (the working agreement).`}
      value={props.value}
      onChange={(v) => props.onChange(v as Urgency)}
      error={props.error}
    >
      <Group gap="md" mt={4}>
        {URGENCIES.map((u) => (
          <Radio key={u} value={u} label={URGENCY_LABELS[u]} />
        ))}
      </Group>
    </Radio.Group>
  );
}
