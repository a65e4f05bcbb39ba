import { Group, MultiSelect, Select } from "@mantine/core";
import { useState } from "react";
import type { PersonView } from "../../contracts/people";
import type { TeamView } from "../../contracts/teams";

/**
 * People picked by name, or a whole team at once ("Add a team" adds its members). `taken` are people
 * already picked elsewhere on the form (e.g. as optional), offered here only once they are removed there.
 */
export function AttendeePicker(props: {
  label: string;
  description?: string;
  people: PersonView[];
  teams: TeamView[] | undefined;
  value: string[];
  onChange: (ids: string[]) => void;
  taken?: string[];
  error?: string;
  required?: boolean;
}) {
  const [team, setTeam] = useState<string | null>(null);
  const taken = new Set(props.taken ?? []);
  const addTeam = (teamId: string | null) => {
    const members = props.teams?.find((t) => t.id === teamId)?.members.map((m) => m.personId) ?? [];
    const fresh = members.filter((id) => !props.value.includes(id) && !taken.has(id));
    props.onChange([...props.value, ...fresh]);
    setTeam(null);
  };
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <MultiSelect
        label={props.label}
        description={props.description}
        data={props.people.filter((p) => !taken.has(p.id)).map((p) => ({ value: p.id, label: p.name }))}
        value={props.value}
        onChange={props.onChange}
        searchable
        clearable
        required={props.required}
        error={props.error}
        style={{ flex: "1 1 320px" }}
      />
      {props.teams && props.teams.length > 0 && (
        <Select
          label={`Add a whole team to "${props.label}"`}
          placeholder="Choose a team"
          data={props.teams.map((t) => ({ value: t.id, label: `${t.name} (${t.members.length})` }))}
          value={team}
          onChange={addTeam}
          style={{ flex: "0 1 240px" }}
        />
      )}
    </Group>
  );
}
