import { Group, Radio, Stack } from "@mantine/core";
import type { PersonView } from "../../../../contracts/people";
import type { TeamView } from "../../../../contracts/teams";
import { TeamSelect } from "../../../components/TeamSelect";
import { AttendeePicker } from "../../scheduling";
import type { UpdateDraft } from "./draft";

/** The server's message for a field or anything under it ("audience.personIds[2]"). */
export const errorUnder = (errors: Record<string, string>, path: string) =>
  errors[path] ??
  Object.entries(errors).find(([key]) => key.startsWith(`${path}.`) || key.startsWith(`${path}[`))?.[1];

/** Who the update is for: the whole organisation, a team, or people named one by one. */
export function AudienceFields(props: {
  draft: UpdateDraft;
  set: <K extends keyof UpdateDraft>(key: K, value: UpdateDraft[K]) => void;
  people: PersonView[];
  teams: TeamView[] | undefined;
  errors: Record<string, string>;
}) {
  const { draft, set, errors } = props;
  return (
    <Stack gap="xs">
      <Radio.Group
        label="Audience"
        value={draft.audience}
        onChange={(v) => set("audience", v as UpdateDraft["audience"])}
        error={errors.audience}
      >
        <Group gap="md" mt={4}>
          <Radio value="organisation" label="Whole organisation" />
          <Radio value="team" label="A team" />
          <Radio value="people" label="Named people" />
        </Group>
      </Radio.Group>
      {draft.audience === "team" && (
        <TeamSelect
          label="Team"
          placeholder="Choose a team"
          teams={props.teams ?? []}
          value={draft.teamId}
          onChange={(v) => set("teamId", v)}
          error={errorUnder(errors, "audience.teamId")}
          required
          maw={320}
        />
      )}
      {draft.audience === "people" && (
        <AttendeePicker
          label="People"
          people={props.people}
          teams={props.teams}
          value={draft.personIds}
          onChange={(ids) => set("personIds", ids)}
          error={errorUnder(errors, "audience.personIds")}
          required
        />
      )}
    </Stack>
  );
}
