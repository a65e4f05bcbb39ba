import { Badge, Button, Group, List, Stack, Text } from "@mantine/core";
import type { Rsvp } from "../../../../contracts/meetings";
import { FormError } from "../../../components/FormError";
import { SectionCard } from "../../../components/SectionCard";
import { formatDateTime } from "../../../lib/time";
import { useMeetingAction } from "./api";
import type { MeetingContext } from "./context";

const RSVP_WORDS: Record<Rsvp, string> = {
  yes: "attending",
  no: "not attending",
  follow_async: "following async",
  pending: "not answered",
};

const RSVP_COLOUR: Record<Rsvp, string> = { yes: "green", no: "red", follow_async: "blue", pending: "gray" };

const CHOICES = [
  { response: "yes", label: "Yes, I'll attend" },
  { response: "no", label: "No" },
  { response: "follow_async", label: "Follow async" },
] as const;

/** Who is invited, each one's answer and local time; the viewer's own answer. */
export function AttendeesCard(ctx: MeetingContext) {
  const { meeting: m, zone, viewerId } = ctx;
  const mine = m.attendees.find((a) => a.personId === viewerId);
  const mineLocal = formatDateTime(m.start, zone);
  return (
    <SectionCard id="attendees" title={`Attendees (${m.attendees.length})`}>
      {mine && m.status === "scheduled" && Date.parse(m.end) > Date.now() && (
        <RsvpChoice {...ctx} current={mine.rsvp} />
      )}
      <List listStyleType="none" spacing={4}>
        {m.attendees.map((a) => {
          const local = formatDateTime(m.start, a.timeZone);
          return (
            <List.Item key={a.personId}>
              <Group gap="xs">
                <Text size="sm" fw={500}>
                  {a.name}
                  {a.personId === viewerId && " (you)"}
                </Text>
                <Badge size="sm" variant="light" color={RSVP_COLOUR[a.rsvp]}>
                  {RSVP_WORDS[a.rsvp]}
                </Badge>
                {!a.required && (
                  <Badge size="sm" variant="outline" color="gray">
                    optional
                  </Badge>
                )}
              </Group>
              {local !== mineLocal && (
                <Text size="xs" c="dimmed">
                  Starts {local} their time
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </SectionCard>
  );
}

function RsvpChoice({ meeting, current }: MeetingContext & { current: Rsvp }) {
  const rsvp = useMeetingAction(
    (response: Rsvp) => ({
      method: "PUT",
      path: `/meetings/${meeting.id}/rsvp`,
      body: { response },
    }),
    { done: "Your answer is saved." },
  );
  return (
    <Stack gap={4}>
      <Group gap="xs" role="group" aria-label="Will you attend?">
        <Text size="sm" fw={500}>
          Will you attend?
        </Text>
        {CHOICES.map((c) => (
          <Button
            key={c.response}
            size="compact-sm"
            variant={current === c.response ? "filled" : "default"}
            aria-pressed={current === c.response}
            loading={rsvp.isPending && rsvp.variables === c.response}
            onClick={() => rsvp.mutate(c.response)}
          >
            {c.label}
          </Button>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        Follow async: you won't attend, and you get the recap — decisions, action items and notes — when the
        organiser completes the meeting.
      </Text>
      <FormError error={rsvp.error} />
    </Stack>
  );
}
