import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { Link } from "react-router";
import type { PersonView } from "../../../contracts/people";
import { WorkingBadge } from "../../components/WorkingBadge";
import { formatTime } from "../../lib/time";

/** The directory: a table on wide screens, cards on phones (≤ 36em). */
export function PeopleList({ people, now }: { people: PersonView[]; now: number }) {
  const phone = useMediaQuery("(max-width: 36em)");
  if (phone) {
    return (
      <SimpleGrid
        cols={1}
        spacing="sm"
        component="ul"
        aria-label="People"
        style={{ listStyle: "none", padding: 0 }}
      >
        {people.map((p) => (
          <Card key={p.id} withBorder component="li" padding="sm">
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap">
                <PersonLink person={p} />
                <WorkingBadge pattern={p.workingPattern} now={now} />
              </Group>
              <Text size="sm" c="dimmed">
                {p.role} · {p.timeZone}
              </Text>
              <Text size="sm">Local time now: {formatTime(now, p.timeZone)}</Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    );
  }
  return (
    <Table striped highlightOnHover aria-label="People">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Time zone</Table.Th>
          <Table.Th>Local time now</Table.Th>
          <Table.Th>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              <PersonLink person={p} />
            </Table.Td>
            <Table.Td>{p.role}</Table.Td>
            <Table.Td>{p.timeZone}</Table.Td>
            <Table.Td>{formatTime(now, p.timeZone)}</Table.Td>
            <Table.Td>
              <WorkingBadge pattern={p.workingPattern} now={now} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PersonLink({ person }: { person: PersonView }) {
  return (
    <Group gap={6}>
      <Anchor component={Link} to={`/team/people/${person.id}`} fw={500}>
        {person.name}
      </Anchor>
      {person.status === "invited" && (
        <Text span size="xs" c="dimmed">
          (invited)
        </Text>
      )}
    </Group>
  );
}
