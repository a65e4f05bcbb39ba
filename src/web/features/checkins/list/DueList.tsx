import { Button, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatDateTime } from "../../../lib/time";
import type { OccurrenceView } from "../api";

/** When an occurrence arrived, when it turns late and when it closes, all on the viewer's clock. */
export function windowInWords(o: OccurrenceView, zone: string): string {
  return `Arrived ${formatDateTime(o.deliveredAt, zone)} · late after ${formatDateTime(o.lateAfter, zone)} · closes ${formatDateTime(o.dueAt, zone)}`;
}

/** My open check-ins, each with its window in my zone and the way to answer (or change my answers). */
export function DueList(props: { occurrences: OccurrenceView[]; zone: string; compact?: boolean }) {
  return (
    <Stack
      component="ul"
      gap="xs"
      style={{ listStyle: "none", padding: 0, margin: 0 }}
      aria-label="Check-ins due"
    >
      {props.occurrences.map((o) => (
        <Group component="li" key={o.id} justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0}>
            <Text fw={600} size={props.compact ? "sm" : undefined}>
              {o.checkinName}
            </Text>
            <Text size="xs" c="dimmed">
              {o.answeredAt ? "Answered · you can change your answers until it closes · " : ""}
              {windowInWords(o, props.zone)}
            </Text>
          </Stack>
          <Button
            component={Link}
            to={`/checkins/answer/${o.id}`}
            size={props.compact ? "compact-sm" : "sm"}
            variant={o.answeredAt ? "default" : "filled"}
            aria-label={`${o.answeredAt ? "Change answers to" : "Answer"} ${o.checkinName}`}
          >
            {o.answeredAt ? "Change answers" : "Answer"}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
