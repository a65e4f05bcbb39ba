import { Group, Radio, Stack } from "@mantine/core";
import type { PersonView } from "../../../../contracts/people";
import type { TeamView } from "../../../../contracts/teams";
import { TeamSelect } from "../../../components/TeamSelect";
import { AttendeePicker } from "../../scheduling";
import type { AudienceForm } from "../new/draft";

/** The server's message for a field or anything under it ("audience.personIds[2]"). */
export const errorUnder = (errors: Record<string, string>, path: string) =>
  errors[path] ??
  Object.entries(errors).find(([key]) => key.startsWith(`${path}.`) || key.startsWith(`${path}[`))?.[1];

/**
 * Who the document is for, as on the update composer: the whole organisation, a team, or people named
 * one by one. (The composer's own fields hold an update's draft, so documents keep this small copy.)
 */
export function AudienceFields(props: {
  value: AudienceForm;
  onChange: (next: AudienceForm) => void;
  people: PersonView[];
  teams: TeamView[] | undefined;
  errors: Record<string, string>;
}) {
  const { value, onChange, errors } = props;
  return (
    <Stack gap="xs">
      <Radio.Group
        label="Who can read and edit it"
        description="Everyone it is shared with may edit; each save is kept as a version."
        value={value.audience}
        onChange={(v) => onChange({ ...value, audience: v as AudienceForm["audience"] })}
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
          onChange={(teamId) => onChange({ ...value, teamId })}
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
          onChange={(personIds) => onChange({ ...value, personIds })}
          error={errorUnder(errors, "audience.personIds")}
          required
        />
      )}
    </Stack>
  );
}
