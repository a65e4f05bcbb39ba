import { Card, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { usePeople } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";
import { useUrgentLog } from "./api";
import { kindLabel } from "./kinds";
import { UrgentWeeksChart } from "./UrgentWeeksChart";

const PERIODS = [
  { value: "12", label: "The last 12 weeks" },
  { value: "26", label: "The last 26 weeks" },
  { value: "52", label: "The last year" },
];

/**
 * Admins and HR: every urgent notification (they skip people's hours) with who sent it to whom and
 * whether it reached someone outside their hours — the right-to-disconnect record, week by week.
 */
export function UrgentLogPage() {
  const { zone } = useViewer();
  const [weeks, setWeeks] = useState("12");
  const log = useUrgentLog(Number(weeks));
  const people = usePeople();
  const nameOf = (id: string | null) =>
    id === null ? "Tandem" : (people.data?.find((p) => p.id === id)?.name ?? "someone who left");
  return (
    <Stack>
      <Title order={1} size="h2">
        Urgent log
      </Title>
      <Text c="dimmed">
        Urgent notifications arrive at once, even outside someone's hours, so each one is logged here: who
        sent it, to whom, and whether it reached them outside their hours.
      </Text>
      <Select
        label="Period"
        data={PERIODS}
        value={weeks}
        onChange={(v) => setWeeks(v ?? weeks)}
        allowDeselect={false}
        w={220}
      />
      {!log.data && <Loading error={log.error} />}
      {log.data && (
        <>
          <Group grow align="stretch">
            <Summary label="Urgent notifications" value={log.data.summary.total} />
            <Summary label="Outside the recipient's hours" value={log.data.summary.outsideHours} />
          </Group>
          <Card withBorder component="section" aria-labelledby="weeks-heading">
            <Title order={2} size="h4" id="weeks-heading" mb="xs">
              Outside-hours urgent notifications per week
            </Title>
            <UrgentWeeksChart weeks={log.data.weeks} />
          </Card>
          {log.data.entries.length === 0 ? (
            <EmptyHint title="No urgent notifications in this period">
              When someone sends an urgent notification, it is listed here.
            </EmptyHint>
          ) : (
            <Table.ScrollContainer minWidth={600}>
              <Table aria-label="Urgent notifications">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>From</Table.Th>
                    <Table.Th>To</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Outside their hours</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {log.data.entries.map((e) => (
                    <Table.Tr key={`${e.at}|${e.recipientId}|${e.senderId}|${e.kind}`}>
                      <Table.Td>{formatDateTime(e.at, zone)}</Table.Td>
                      <Table.Td>{nameOf(e.senderId)}</Table.Td>
                      <Table.Td>{nameOf(e.recipientId)}</Table.Td>
                      <Table.Td>{kindLabel(e.kind)}</Table.Td>
                      <Table.Td>{e.outsideHours ? "yes" : "no"}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}

function Summary(props: { label: string; value: number }) {
  return (
    <Card withBorder>
      <Text size="xl" fw={700}>
        {props.value}
      </Text>
      <Text size="sm">{props.label}</Text>
    </Card>
  );
}
