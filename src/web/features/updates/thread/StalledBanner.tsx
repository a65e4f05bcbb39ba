import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useNavigate } from "react-router";
import { FormError } from "../../../components/FormError";
import { fieldErrors } from "../../../lib/action";
import { useThreadAction } from "./api";
import type { ThreadContext } from "./context";
import { escalationText, startInstant } from "./thread-text";

/**
 * Why the thread is stalled, and the short meeting that would unblock it: the best overlap slot of
 * everyone in the thread, booked in one click (or at a start the viewer picks when there is none).
 */
export function StalledBanner(ctx: ThreadContext) {
  const { update: u } = ctx;
  if (!u.stalled || u.closedAt) return null;
  return (
    <Alert color="orange" variant="light" title="This thread is stalled" role="region">
      <Stack gap="xs">
        <Text size="sm">{u.stalled.text}</Text>
        {u.escalation && <EscalationOffer {...ctx} offer={u.escalation} />}
      </Stack>
    </Alert>
  );
}

function EscalationOffer(ctx: ThreadContext & { offer: NonNullable<ThreadContext["update"]["escalation"]> }) {
  const { update: u, offer, zone, viewerId, nameOf } = ctx;
  const navigate = useNavigate();
  const [picking, setPicking] = useState(offer.slot === null);
  const [start, setStart] = useState("");
  const escalate = useThreadAction(
    (body: { durationMinutes: number; start?: string }) => ({
      method: "POST",
      path: `/updates/${u.id}/escalation`,
      body,
    }),
    {
      done: "Meeting scheduled; everyone in the thread is invited.",
      onDone: (result: { meeting: { id: string } }) => navigate(`/meetings/${result.meeting.id}`),
    },
  );
  const picked = startInstant(start, zone);
  const schedule = () => {
    const at = picking ? picked : offer.slot?.start;
    if (!at) return;
    escalate.mutate({ durationMinutes: offer.durationMinutes, start: at });
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {escalationText(offer, { id: viewerId, zone }, nameOf)}
      </Text>
      {picking && (
        <TextInput
          type="datetime-local"
          label="Start (your time)"
          description="The meeting is created as a decision meeting linked to this thread."
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
          error={fieldErrors(escalate.error).start}
          maw={260}
        />
      )}
      <Group gap="sm">
        <Button onClick={schedule} loading={escalate.isPending} disabled={picking && !picked}>
          Schedule it
        </Button>
        {offer.slot && (
          <Anchor component="button" type="button" size="sm" onClick={() => setPicking(!picking)}>
            {picking ? "Use the suggested time" : "Pick another start"}
          </Anchor>
        )}
      </Group>
      <FormError error={escalate.error} />
    </Stack>
  );
}
