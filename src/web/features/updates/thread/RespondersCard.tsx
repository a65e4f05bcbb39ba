import { Badge, Group, List, Text } from "@mantine/core";
import { SectionCard } from "../../../components/SectionCard";
import { formatDateTime } from "../../../lib/time";
import type { ThreadContext } from "./context";
import { type ResponderState, responderState } from "./thread-text";

const STATE: Record<ResponderState, { label: string; color: string }> = {
  answered: { label: "answered", color: "green" },
  waiting: { label: "waiting", color: "gray" },
  overdue: { label: "overdue", color: "red" },
};

/**
 * The required responders: each one's state and reply-by, in the viewer's zone and (when it differs)
 * in their own, since each deadline falls inside that person's working hours.
 */
export function RespondersCard({ update: u, zone, viewerId, now }: ThreadContext) {
  if (u.responders.length === 0) return null;
  return (
    <SectionCard
      id="responders"
      title="Reply by"
      intro={
        u.replyBy
          ? `Everyone asked has had the agreement's working hours by ${formatDateTime(u.replyBy, zone)} (your time).`
          : "Each person asked gets the agreement's reply time in their own working hours."
      }
    >
      <List listStyleType="none" spacing={6} aria-label="Required responders">
        {u.responders.map((r) => {
          const state = STATE[responderState(r, now)];
          const mine = r.replyBy ? formatDateTime(r.replyBy, zone) : null;
          const theirs = r.replyBy ? formatDateTime(r.replyBy, r.timeZone) : null;
          return (
            <List.Item key={r.personId}>
              <Group gap="xs">
                <Text size="sm" fw={500}>
                  {r.name}
                  {r.personId === viewerId && " (you)"}
                </Text>
                <Badge size="sm" variant="light" color={state.color}>
                  {state.label}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {r.answeredAt
                  ? `Answered ${formatDateTime(r.answeredAt, zone)}`
                  : mine
                    ? `Reply by ${mine}${theirs !== mine ? ` (${theirs} their time)` : ""}`
                    : "No working time in the next 30 days: no reply-by"}
              </Text>
            </List.Item>
          );
        })}
      </List>
    </SectionCard>
  );
}
