import { Badge, Button, Group, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import type { PersonView } from "../../../contracts/people";
import type { TeamMemberView, TeamView } from "../../../contracts/teams";
import { ConfirmButton } from "../../components/ConfirmButton";
import { EmptyHint } from "../../components/EmptyHint";
import { FormError } from "../../components/FormError";
import { PersonName } from "../../components/PersonName";
import { useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { keys } from "../../lib/resources";

/** A team's members and leads; those who may edit the team add, remove and promote people. */
export function TeamMembers(props: {
  team: TeamView;
  people: PersonView[];
  editable: boolean;
  viewerZone: string;
  now: number;
}) {
  const { team, people, editable } = props;
  const save = useAction(
    (members: TeamMemberView[]) => api("PUT", `/teams/${team.id}/members`, { members }),
    { refresh: [keys.teams, keys.people], done: "Members saved" },
  );
  const [adding, setAdding] = useState<string | null>(null);
  const byId = new Map(people.map((p) => [p.id, p]));
  const others = people.filter((p) => !team.members.some((m) => m.personId === p.id));
  const setRole = (personId: string, role: TeamMemberView["role"]) =>
    save.mutate(team.members.map((m) => (m.personId === personId ? { ...m, role } : m)));
  return (
    <Stack gap="sm">
      {team.members.length === 0 ? (
        <EmptyHint title="No members yet">
          {editable
            ? "Add the people who work together; make one or more of them lead."
            : "Someone who runs this team will add its members."}
        </EmptyHint>
      ) : (
        <Table aria-label="Members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Role in team</Table.Th>
              {editable && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {team.members.map((m) => {
              const person = byId.get(m.personId);
              const name = person?.name ?? "Unknown person";
              return (
                <Table.Tr key={m.personId}>
                  <Table.Td>
                    {person ? (
                      <PersonName person={person} viewerZone={props.viewerZone} now={props.now} link />
                    ) : (
                      name
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant={m.role === "lead" ? "filled" : "light"}>{m.role}</Badge>
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4}>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          aria-label={m.role === "lead" ? `Make ${name} a member` : `Make ${name} lead`}
                          onClick={() => setRole(m.personId, m.role === "lead" ? "member" : "lead")}
                        >
                          {m.role === "lead" ? "Make member" : "Make lead"}
                        </Button>
                        <ConfirmButton
                          question={`Remove ${name} from ${team.name}?`}
                          confirmLabel="Remove from team"
                          aria-label={`Remove ${name} from the team`}
                          onConfirm={() => save.mutate(team.members.filter((x) => x.personId !== m.personId))}
                        >
                          Remove
                        </ConfirmButton>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <Group align="flex-end">
          <Select
            label="Add a person"
            placeholder={others.length ? "Choose someone" : "Everyone is in this team"}
            searchable
            data={others.map((p) => ({ value: p.id, label: p.name }))}
            value={adding}
            onChange={setAdding}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Button
            disabled={!adding}
            loading={save.isPending}
            onClick={() => {
              if (!adding) return;
              save.mutate([...team.members, { personId: adding, role: "member" }]);
              setAdding(null);
            }}
          >
            Add to team
          </Button>
        </Group>
      )}
      {save.isPending && (
        <Text size="sm" c="dimmed">
          Saving…
        </Text>
      )}
      <FormError error={save.error} />
    </Stack>
  );
}
