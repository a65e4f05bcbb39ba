import { Group, List, Progress, Stack, Table, Text, Title } from "@mantine/core";
import type { InconvenienceKind, RotationPlanView } from "../../../contracts/scheduling";
import { formatDateTime, formatTime } from "../../lib/time";
import { KIND_WORDS, nameWithTime, type Who } from "./slot-text";
import { Tag } from "./Tag";

/** The planned schedule: each occurrence in the viewer's time, everyone's own clock, and who pays how. */
export function RotationSchedule(props: { plan: RotationPlanView; people: Who[]; viewerZone: string }) {
  const { plan, people, viewerZone } = props;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table captionSide="top" verticalSpacing="xs">
        <Table.Caption>The schedule, in your time ({viewerZone})</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Week</Table.Th>
            <Table.Th scope="col">When (your time)</Table.Th>
            <Table.Th scope="col">Everyone's own clock</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.occurrences.map((o, i) => {
            const start = Date.parse(o.start);
            return (
              <Table.Tr key={o.start}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  {formatDateTime(start, viewerZone)}–{formatTime(o.end, viewerZone)}
                </Table.Td>
                <Table.Td>
                  <List size="sm" spacing={2} listStyleType="none">
                    {people.map((who) => {
                      const kinds = o.burden.filter((b) => b.personId === who.id).map((b) => b.kind);
                      return (
                        <List.Item key={who.id}>
                          {nameWithTime(who, start, viewerZone)}
                          {kinds.map((kind) => (
                            <KindBadge key={kind} kind={kind} />
                          ))}
                        </List.Item>
                      );
                    })}
                  </List>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const KIND_COLOURS: Record<InconvenienceKind, string> = { early: "blue", late: "grape", outside: "orange" };

export function KindBadge({ kind }: { kind: InconvenienceKind }) {
  return <Tag color={KIND_COLOURS[kind]}>{KIND_WORDS[kind]}</Tag>;
}

/** Each person's burden from this rotation as bars, with the numbers in text beside them. */
export function BurdenChart(props: { burdenByPerson: Record<string, number>; people: Who[] }) {
  const rows = props.people.map((who) => ({ who, points: props.burdenByPerson[who.id] ?? 0 }));
  const most = Math.max(1, ...rows.map((r) => r.points));
  const total = rows.reduce((sum, r) => sum + r.points, 0);
  return (
    <Stack gap="xs" component="section" aria-labelledby="burden-heading">
      <Title order={3} id="burden-heading">
        Who carries the inconvenience
      </Title>
      <Text size="sm" c="dimmed">
        Points per person: early or late 1 each, outside working hours 2. The plan keeps the largest share as
        small as it can, counting what people already carry on the ledger.
      </Text>
      {total === 0 && <Text size="sm">Nobody is inconvenienced: every time is inside everyone's hours.</Text>}
      <Stack gap={6}>
        {rows.map(({ who, points }) => (
          <Group key={who.id} gap="sm" wrap="nowrap">
            <Text size="sm" w={160} truncate>
              {who.name}
            </Text>
            <Progress value={(points / most) * 100} color="orange" style={{ flex: 1 }} aria-hidden="true" />
            <Text size="sm" w={80} data-testid={`burden-${who.id}`}>
              {points} {points === 1 ? "point" : "points"}
            </Text>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
