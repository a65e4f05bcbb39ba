import { NumberInput, TextInput } from "@mantine/core";

/** A whole number of minutes (or weeks) in steps; an emptied field reads as 0, which the server names. */
export function CountInput(props: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  error?: string;
  min: number;
  max: number;
  step?: number;
  w?: number;
}) {
  const { onChange, w = 150, ...rest } = props;
  return <NumberInput {...rest} w={w} onChange={(v) => onChange(Number(v) || 0)} />;
}

/** A local date (YYYY-MM-DD) on the viewer's calendar. */
export function DateField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { onChange, ...rest } = props;
  return <TextInput type="date" required {...rest} onChange={(e) => onChange(e.currentTarget.value)} />;
}

/** How long the meeting lasts: 5 minutes to 8 hours, in 5-minute steps. */
export function LengthInput(props: { value: number; onChange: (value: number) => void; error?: string }) {
  return <CountInput label="Length (minutes)" min={5} max={480} step={5} {...props} />;
}
