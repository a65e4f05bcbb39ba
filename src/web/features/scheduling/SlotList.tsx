import { Badge, Button, Card, Group, List, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import type { SlotView } from "../../../contracts/scheduling";
import { formatDateTime, formatTime } from "../../lib/time";
import { blockerSentence, explainSlot, nameWithTime, type Who } from "./slot-text";
import { Tag } from "./Tag";

/** New meeting, prefilled with this time, its length and who is required or optional. */
function newMeetingAt(slot: SlotView, required: ReadonlySet<string>): string {
  const ids = (want: boolean) =>
    slot.attendees
      .filter((a) => required.has(a.personId) === want)
      .map((a) => a.personId)
      .join(",");
  const minutes = Math.round((Date.parse(slot.end) - Date.parse(slot.start)) / 60_000);
  const params = new URLSearchParams({ start: slot.start, duration: String(minutes), attendees: ids(true) });
  if (ids(false)) params.set("optional", ids(false));
  return `/meetings/new?${params}`;
}

/** Ranked suggestions, best first: when (viewer's time), why, and each attendee's own clock. */
export function SlotList(props: {
  slots: SlotView[];
  people: ReadonlyMap<string, Who>;
  required: ReadonlySet<string>;
  viewerZone: string;
  picked: string | null;
  onPick: (start: string) => void;
}) {
  const { slots, people, required, viewerZone } = props;
  return (
    <Stack
      component="ol"
      gap="sm"
      aria-label="Suggested times, best first"
      style={{ listStyle: "none", padding: 0 }}
    >
      {slots.map((slot, rank) => {
        const start = Date.parse(slot.start);
        const when = `${formatDateTime(start, viewerZone)}–${formatTime(slot.end, viewerZone)}`;
        const isPicked = props.picked === slot.start;
        return (
          <Card
            key={slot.start}
            component="li"
            withBorder
            padding="sm"
            data-testid="slot"
            style={isPicked ? { borderColor: "var(--mantine-color-orange-7)", borderWidth: 2 } : undefined}
          >
            <Stack gap={6}>
              <Group justify="space-between" wrap="wrap">
                <Text fw={700}>
                  {rank + 1}. {when}{" "}
                  <Text span c="dimmed" size="sm">
                    your time
                  </Text>
                </Text>
                <Group gap="xs">
                  <Badge variant="light" color={slot.score >= 100 ? "teal" : "gray"}>
                    Score {Math.round(slot.score)}
                  </Badge>
                  <Button
                    size="compact-sm"
                    variant="light"
                    component={Link}
                    to={newMeetingAt(slot, required)}
                    aria-label={`Create a meeting at ${when}`}
                  >
                    Create meeting
                  </Button>
                  <Button
                    size="compact-sm"
                    variant={isPicked ? "filled" : "default"}
                    aria-pressed={isPicked}
                    aria-label={`Show ${when} on the timeline`}
                    onClick={() => props.onPick(slot.start)}
                  >
                    Show on timeline
                  </Button>
                </Group>
              </Group>
              <Text size="sm">{explainSlot(slot, people, required)}</Text>
              {slot.blockers.length > 0 && (
                <List size="sm" spacing={2} aria-label={`What costs whom at ${when}`}>
                  {slot.blockers.map((b) => (
                    <List.Item key={`${b.personId}-${b.reason}`}>{blockerSentence(b, people)}</List.Item>
                  ))}
                </List>
              )}
              <List size="sm" spacing={2} listStyleType="none" aria-label={`Who is at ${when}`}>
                {slot.attendees.map((a) => {
                  const who = people.get(a.personId) ?? {
                    id: a.personId,
                    name: "Someone",
                    timeZone: viewerZone,
                  };
                  return (
                    <List.Item
                      key={a.personId}
                      style={
                        a.inWorkingHours
                          ? undefined
                          : {
                              background: "var(--mantine-color-yellow-light)",
                              borderRadius: 4,
                              paddingInline: 4,
                            }
                      }
                    >
                      {nameWithTime(who, start, viewerZone, a.localStart)}
                      {!required.has(a.personId) && <Tag>optional</Tag>}
                      {!a.inWorkingHours && <Tag color="orange">outside working hours</Tag>}
                      {!a.free && <Tag color="red">busy</Tag>}
                    </List.Item>
                  );
                })}
              </List>
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
