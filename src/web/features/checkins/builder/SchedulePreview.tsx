import { Loader, Stack, Table, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { FormError } from "../../../components/FormError";
import { formatTime, formatWeekdayTime } from "../../../lib/time";
import { type PreviewBody, useSchedulePreview } from "../api";

/** Waits for a pause in choosing before asking the server, so each click does not send a request. */
const DEBOUNCE_MS = 400;

/**
 * When the next occurrence reaches each participant, on their own clock and on mine ("Priya · Tuesday
 * 09:30 their time · 04:00 yours"), from the server's delivery rules (their zone, days, working day).
 */
export function SchedulePreview(props: { body: PreviewBody | null; viewerZone: string }) {
  // A string, so an unchanged choice is the same value on every render (an object would restart the wait).
  const [asked] = useDebouncedValue(JSON.stringify(props.body), DEBOUNCE_MS);
  const body = JSON.parse(asked) as PreviewBody | null;
  const preview = useSchedulePreview(
    body ?? { schedule: { days: ["mon"], localTime: "09:00" } },
    body !== null,
  );
  const zone = props.viewerZone;
  if (!props.body)
    return (
      <Text size="sm" c="dimmed">
        Choose a team or people and at least one day to see when each person receives it.
      </Text>
    );
  if (preview.error) return <FormError error={preview.error} />;
  const deliveries = preview.data?.deliveries;
  if (!deliveries)
    return (
      <Text size="sm" c="dimmed">
        <Loader size="xs" mr={6} aria-hidden />
        Working out when each person receives it…
      </Text>
    );
  if (deliveries.length === 0)
    return <Text size="sm">Nobody takes part yet: the team has no active members.</Text>;
  return (
    <Stack gap={4} aria-live="polite">
      <Table.ScrollContainer minWidth={480}>
        <Table striped aria-label="When each person receives it">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Person</Table.Th>
              <Table.Th scope="col">Their zone</Table.Th>
              <Table.Th scope="col">Their time</Table.Th>
              <Table.Th scope="col">Your time ({zone})</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.map((d) => (
              <Table.Tr key={d.person.id}>
                <Table.Th scope="row" fw={500}>
                  {d.person.name}
                </Table.Th>
                <Table.Td>{d.timeZone}</Table.Td>
                {d.at ? (
                  <>
                    <Table.Td>{formatWeekdayTime(d.at, d.timeZone)} their time</Table.Td>
                    <Table.Td>{yours(d.at, d.timeZone, zone)} yours</Table.Td>
                  </>
                ) : (
                  <Table.Td colSpan={2}>Nothing in the next two weeks (not a working day, or away)</Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        Each person's next delivery. Someone away or not working on a day receives nothing that day.
      </Text>
    </Stack>
  );
}

/** The instant on my clock: the time alone when it falls on the same weekday as theirs, else with the day. */
function yours(at: string, theirZone: string, zone: string): string {
  const mine = formatWeekdayTime(at, zone);
  return mine.split(" ")[0] === formatWeekdayTime(at, theirZone).split(" ")[0] ? formatTime(at, zone) : mine;
}
