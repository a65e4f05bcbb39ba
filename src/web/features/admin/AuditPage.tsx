import { Stack, Table, Text, Title } from "@mantine/core";
import type { AuditEntryView } from "../../../contracts/audit";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { LoadMore } from "../../components/LoadMore";
import { usePaged } from "../../lib/paged";
import { usePeople } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";

/** Admin: who did what and when (sign-ins, role changes, tokens, invitations), newest first. */
export function AuditPage() {
  const { zone } = useViewer();
  const people = usePeople();
  const audit = usePaged<AuditEntryView>("/audit", "entries", "before");
  const nameOf = (id: string | null) =>
    id ? (people.data?.find((p) => p.id === id)?.name ?? "someone no longer here") : "nobody signed in";
  return (
    <Stack>
      <Title order={1} size="h2">
        Audit log
      </Title>
      <Text c="dimmed">Security-relevant events, newest first, in your time ({zone}).</Text>
      {audit.isPending && <Loading error={audit.error} />}
      {audit.isSuccess && audit.items.length === 0 && (
        <EmptyHint title="Nothing recorded yet">
          Sign-ins, role changes, tokens and invitations appear here.
        </EmptyHint>
      )}
      {audit.items.length > 0 && (
        <Table aria-label="Audit log" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Details</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {audit.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.at, zone)}</Table.Td>
                <Table.Td>{nameOf(e.actorId)}</Table.Td>
                <Table.Td>{e.action.replace(/[._]/g, " ")}</Table.Td>
                <Table.Td>
                  <Text size="xs" style={{ wordBreak: "break-all" }}>
                    {[
                      e.targetType === "person" ? nameOf(e.targetId) : e.targetType,
                      e.data ? JSON.stringify(e.data) : "",
                      e.ip ? `from ${e.ip}` : "",
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMore
        hasMore={audit.hasNextPage}
        loading={audit.isFetchingNextPage}
        onMore={() => audit.fetchNextPage()}
      />
    </Stack>
  );
}
