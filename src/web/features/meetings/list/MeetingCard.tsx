import { Anchor, Badge, Card, Group, Stack, Text, Tooltip } from "@mantine/core";
import { Link } from "react-router";
import type { MeetingSummaryView } from "../../../../contracts/meetings";
import { formatTime } from "../../../lib/time";
import { costText, kindLabel, meetingFlags, RSVP_WORDS } from "./meeting-text";

/** One meeting in the week: time (viewer's zone), title linking to its page, kind, cost, my answer, flags. */
export function MeetingCard({ meeting, zone }: { meeting: MeetingSummaryView; zone: string }) {
  const cancelled = meeting.status === "cancelled";
  const when = `${formatTime(meeting.start, zone)}–${formatTime(meeting.end, zone)}`;
  return (
    <Card component="li" withBorder padding="sm" data-testid="meeting" opacity={cancelled ? 0.75 : 1}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700}>
            <Text span c="dimmed" inherit mr="xs">
              {when}
            </Text>
            <Anchor
              component={Link}
              to={`/meetings/${meeting.id}`}
              inherit
              td={cancelled ? "line-through" : undefined}
            >
              {meeting.title}
            </Anchor>
          </Text>
          <Group gap={6}>
            {meetingFlags(meeting).map((flag) => (
              <Tooltip key={flag.label} label={flag.meaning} multiline w={260}>
                <Badge
                  color={flag.color}
                  variant="light"
                  tt="none"
                  aria-label={`${flag.label}: ${flag.meaning}`}
                >
                  {flag.label}
                </Badge>
              </Tooltip>
            ))}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {kindLabel(meeting.kind)} · {meeting.attendeeCount}{" "}
          {meeting.attendeeCount === 1 ? "person" : "people"} · {costText(meeting.cost.personHours)}
          {meeting.myRsvp && ` · You: ${RSVP_WORDS[meeting.myRsvp]}`}
        </Text>
      </Stack>
    </Card>
  );
}
