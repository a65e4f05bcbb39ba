import { Anchor, Card, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { TeamView } from "../../../contracts/teams";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { NameForm } from "../../components/NameForm";
import { useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { can } from "../../lib/permissions";
import { keys, usePeople, useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";

export function TeamsPage() {
  const viewer = useViewer();
  const teams = useTeams();
  const people = usePeople();
  const nameOf = (id: string) => people.data?.find((p) => p.id === id)?.name ?? "…";
  const mayCreate = can.createTeam(viewer.person.role);
  return (
    <Stack>
      <Title order={1} size="h2">
        Teams
      </Title>
      <Text c="dimmed">
        Teams group people for the team clock, rituals and shared insights. A team may have several leads.
      </Text>
      {mayCreate && <CreateTeamForm />}
      {!teams.data && <Loading error={teams.error} />}
      {teams.data?.length === 0 && (
        <EmptyHint title="No teams yet">
          {mayCreate
            ? "Name your first team above, then add its members and leads."
            : "An admin, hr or a manager creates teams; ask them to add you."}
        </EmptyHint>
      )}
      {teams.data && teams.data.length > 0 && (
        <Table aria-label="Teams">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Team</Table.Th>
              <Table.Th>Leads</Table.Th>
              <Table.Th>Members</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.data.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/team/teams/${t.id}`} fw={500}>
                    {t.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{leadNames(t, nameOf) || "none yet"}</Table.Td>
                <Table.Td>{t.members.length}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

const leadNames = (team: TeamView, nameOf: (id: string) => string) =>
  team.members
    .filter((m) => m.role === "lead")
    .map((m) => nameOf(m.personId))
    .join(", ");

function CreateTeamForm() {
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const create = useAction(() => api<{ team: TeamView }>("POST", "/teams", { name }), {
    refresh: [keys.teams],
    done: "Team created",
    onDone: ({ team }) => navigate(`/team/teams/${team.id}`),
  });
  return (
    <Card withBorder>
      <NameForm
        formLabel="Create a team"
        label="New team name"
        value={name}
        onChange={setName}
        action="Create team"
        save={create}
      />
    </Card>
  );
}
