import { Button, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { useNow } from "../../lib/now";
import { can } from "../../lib/permissions";
import { usePeople, useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { PeopleList } from "./PeopleList";

export function PeopleDirectoryPage() {
  const viewer = useViewer();
  const now = useNow();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const [teamId, setTeamId] = useState<string | null>(null);
  const teams = useTeams();
  const people = usePeople({ q, teamId });
  const mayInvite = can.managePeople(viewer.person.role);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          People
        </Title>
        {mayInvite && (
          <Button component={Link} to="/settings/invitations" variant="light">
            Invite a person
          </Button>
        )}
      </Group>
      <Text c="dimmed">
        Everyone in {viewer.organisation.name}, with their local time and whether they are working now.
      </Text>
      <Group align="flex-end">
        <TextInput
          label="Search"
          placeholder="Name or email"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 200 }}
        />
        <Select
          label="Team"
          placeholder="All teams"
          clearable
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={teamId}
          onChange={setTeamId}
          w={220}
        />
      </Group>
      {!people.data && <Loading error={people.error} />}
      {people.data?.length === 0 &&
        (q || teamId ? (
          <EmptyHint title="Nobody matches">Try another name, or show all teams.</EmptyHint>
        ) : (
          <EmptyHint
            title="Nobody here yet"
            action={
              mayInvite && (
                <Button component={Link} to="/settings/invitations">
                  Invite a person
                </Button>
              )
            }
          >
            The directory lists everyone in your organisation with their zone and working hours.
          </EmptyHint>
        ))}
      {people.data && people.data.length > 0 && <PeopleList people={people.data} now={now} />}
    </Stack>
  );
}
