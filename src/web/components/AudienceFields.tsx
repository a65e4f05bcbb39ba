import { Group, Radio, Stack } from "@mantine/core";
import type { PersonView } from "../../contracts/people";
import type { TeamView } from "../../contracts/teams";
import { errorUnder } from "../lib/action";
import type { AudienceForm } from "../lib/audience";
import { AttendeePicker } from "./AttendeePicker";
import { TeamSelect } from "./TeamSelect";

/**
 * Who an update or a document is for: the whole organisation, a team, or people named one by one.
 * `onChange` gets what changed, for the form to merge into its draft.
 */
export function AudienceFields(props: {
  value: AudienceForm;
  onChange: (change: Partial<AudienceForm>) => void;
  people: PersonView[];
  teams: TeamView[] | undefined;
  errors: Record<string, string>;
  label?: string;
  description?: string;
}) {
  const { value, onChange, errors } = props;
  return (
    <Stack gap="xs">
      <Radio.Group
        label={props.label ?? "Audience"}
        description={props.description}
        value={value.audience}
        onChange={(v) => onChange({ audience: v as AudienceForm["audience"] })}
        error={errors.audience}
      >
        <Group gap="md" mt={4}>
          <Radio value="organisation" label="Whole organisation" />
          <Radio value="team" label="A team" />
          <Radio value="people" label="Named people" />
        </Group>
      </Radio.Group>
      {value.audience === "team" && (
        <TeamSelect
          label="Team"
          placeholder="Choose a team"
          teams={props.teams ?? []}
          value={value.teamId}
          onChange={(teamId) => onChange({ teamId })}
          error={errorUnder(errors, "audience.teamId")}
          required
          maw={320}
        />
      )}
      {value.audience === "people" && (
        <AttendeePicker
          label="People"
          people={props.people}
          teams={props.teams}
          value={value.personIds}
          onChange={(personIds) => onChange({ personIds })}
          error={errorUnder(errors, "audience.personIds")}
          required
        />
      )}
    </Stack>
  );
}
