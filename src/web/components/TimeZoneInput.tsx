import { Autocomplete } from "@mantine/core";

const COMMON_ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Paris",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Pacific/Chatham",
  "Africa/Lagos",
];

/** An IANA time zone, free text with common suggestions (any zone the browser knows is accepted). */
export function TimeZoneInput(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  name?: string;
}) {
  const known =
    (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  const data = Array.from(new Set([...COMMON_ZONES, ...known]));
  return (
    <Autocomplete
      label={props.label}
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      data={data}
      limit={20}
      error={props.error}
      required
    />
  );
}
