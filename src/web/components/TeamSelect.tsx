import { Select, type SelectProps } from "@mantine/core";

/** A choice of one team (clearable: no team is a choice too). */
export function TeamSelect({
  teams,
  ...select
}: Omit<SelectProps, "data"> & { teams: readonly { id: string; name: string }[] }) {
  return <Select data={teams.map((t) => ({ value: t.id, label: t.name }))} clearable {...select} />;
}
