import { Switch } from "@mantine/core";

/** The urgent toggle for anything that sends a notification; it says that urgent sends are logged. */
export function UrgentSwitch(props: { checked: boolean; onChange(urgent: boolean): void }) {
  return (
    <Switch
      label="Urgent"
      description="Urgent notifications arrive at once, even outside someone's hours, and are logged for HR."
      checked={props.checked}
      onChange={(e) => props.onChange(e.currentTarget.checked)}
    />
  );
}
