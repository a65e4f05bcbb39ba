import { Stack, Table, Text } from "@mantine/core";
import { Loading } from "../../../components/Loading";
import { SectionCard } from "../../../components/SectionCard";
import { usePulse } from "../api";
import { LockNote } from "../digest/LockNote";
import { averageText } from "../digest/text";
import { PulseChart } from "./PulseChart";
import { heldBack, pulseSummary, pulseWeeks, thresholdNote, weekLabel } from "./pulse-text";

/**
 * The ritual's pulse: the team's weekly trend (only weeks where at least the minimum group size
 * answered) and the viewer's own line, which nobody else sees.
 */
export function PulseSection({ checkinId }: { checkinId: string }) {
  const pulse = usePulse(checkinId);
  return (
    <SectionCard
      id="pulse"
      title="Pulse"
      intro="How the team feels, week by week. Nobody — not a lead, HR or an admin — sees anyone's own pulse answer."
    >
      {pulse.data ? <PulseBody pulse={pulse.data} /> : <Loading error={pulse.error} />}
    </SectionCard>
  );
}

function PulseBody({ pulse }: { pulse: NonNullable<ReturnType<typeof usePulse>["data"]> }) {
  const weeks = pulseWeeks(pulse);
  const summary = pulseSummary(weeks, pulse.minGroupSize);
  const showMine = pulse.mine.length > 0;
  const held = weeks.some(heldBack);
  return (
    <Stack gap="sm">
      <Text size="sm">
        <LockNote>{thresholdNote(pulse.minGroupSize)}</LockNote>
      </Text>
      <Text size="sm">{summary}</Text>
      {showMine && (
        <Text size="sm" c="dimmed">
          <LockNote>My pulse (dashed line): Only you see this.</LockNote>
        </Text>
      )}
      {weeks.length > 0 && <PulseChart weeks={weeks} summary={summary} showMine={showMine} />}
      {weeks.length > 0 && (
        <details>
          <summary>
            <Text span size="sm">
              Show the weeks as a table
            </Text>
          </summary>
          <Table mt="xs" striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Week</Table.Th>
                <Table.Th scope="col">Answered</Table.Th>
                <Table.Th scope="col">Team average</Table.Th>
                {showMine && <Table.Th scope="col">My pulse (only you see this)</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weeks.map((w) => (
                <Table.Tr key={w.start}>
                  <Table.Th scope="row" fw={400}>
                    {weekLabel(w.start)}
                  </Table.Th>
                  <Table.Td>{w.respondents}</Table.Td>
                  <Table.Td>
                    {w.team !== undefined
                      ? averageText(w.team)
                      : heldBack(w)
                        ? thresholdNote(pulse.minGroupSize)
                        : "No answers"}
                  </Table.Td>
                  {showMine && <Table.Td>{w.mine === undefined ? "—" : averageText(w.mine)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </details>
      )}
      {held && (
        <Text size="xs" c="dimmed">
          Weeks with fewer than {pulse.minGroupSize} answers are left as gaps, so no one's answer can be
          worked out from the average.
        </Text>
      )}
    </Stack>
  );
}
