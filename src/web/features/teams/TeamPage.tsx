import { Anchor, Button, Card, Group, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { TeamView } from "../../../contracts/teams";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { NameForm } from "../../components/NameForm";
import { useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { useNow } from "../../lib/now";
import { can } from "../../lib/permissions";
import { keys, usePeople, useTeam } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { TeamActionItems } from "./TeamActionItems";
import { TeamMembers } from "./TeamMembers";

export function TeamPage() {
  const { id = "" } = useParams();
  const viewer = useViewer();
  const now = useNow();
  const team = useTeam(id);
  const people = usePeople();
  const navigate = useNavigate();
  const remove = useAction(() => api("DELETE", `/teams/${id}`), {
    refresh: [keys.teams],
    done: "Team deleted",
    onDone: () => navigate("/team/teams"),
  });
  if (!team.data || !people.data) return <Loading error={team.error ?? people.error} />;
  const isLead = team.data.members.some((m) => m.personId === viewer.person.id && m.role === "lead");
  const editable = can.editTeam(viewer.person.role, isLead);
  return (
    <Stack>
      <Anchor component={Link} to="/team/teams" size="sm">
        ← Teams
      </Anchor>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {team.data.name}
        </Title>
        <Group gap="xs">
          <Button component={Link} to={`/team/clock?team=${id}`} variant="light">
            Team clock
          </Button>
          {editable && (
            <ConfirmButton
              variant="light"
              size="sm"
              question={`Delete the team ${team.data.name}? Its members stay in the organisation.`}
              confirmLabel="Delete team"
              onConfirm={() => remove.mutate(undefined)}
            >
              Delete team
            </ConfirmButton>
          )}
        </Group>
      </Group>
      <FormError error={remove.error} />
      {editable && <RenameForm key={team.data.name} team={team.data} />}
      <Card withBorder component="section" aria-labelledby="members-heading">
        <Title order={3} id="members-heading" mb="sm">
          Members and leads
        </Title>
        <TeamMembers
          team={team.data}
          people={people.data}
          editable={editable}
          viewerZone={viewer.zone}
          now={now}
        />
      </Card>
      {isLead && <TeamActionItems teamId={id} names={new Map(people.data.map((p) => [p.id, p.name]))} />}
    </Stack>
  );
}

function RenameForm({ team }: { team: TeamView }) {
  const [name, setName] = useState(team.name);
  const rename = useAction(() => api("PATCH", `/teams/${team.id}`, { name }), {
    refresh: [keys.teams],
    done: "Team renamed",
  });
  return (
    <NameForm
      formLabel="Rename the team"
      label="Team name"
      value={name}
      onChange={setName}
      action="Rename"
      save={rename}
      disabled={name === team.name}
    />
  );
}
