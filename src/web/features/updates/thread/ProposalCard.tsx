import { Badge, Button, Group, List, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { STANCES, type Stance } from "../../../../contracts/updates";
import { FormError } from "../../../components/FormError";
import { SectionCard } from "../../../components/SectionCard";
import { fieldErrors } from "../../../lib/action";
import { formatDateTime } from "../../../lib/time";
import { useThreadAction } from "./api";
import type { ThreadContext } from "./context";

/** `filled`: the chosen answer's button, dark enough for its white label (4.5:1); green 7 and red 7 are not. */
const STANCE: Record<Stance, { label: string; color: string; filled: string }> = {
  agree: { label: "Agree", color: "green", filled: "teal.9" },
  disagree: { label: "Disagree", color: "red", filled: "red.9" },
  abstain: { label: "Abstain", color: "gray", filled: "gray" },
};

/** A proposal's answers: the tally, each answer with its reason, and the viewer's own answer while open. */
export function ProposalCard(ctx: ThreadContext) {
  const { update: u, zone, viewerId } = ctx;
  const open = !u.closedAt && u.can.respond;
  return (
    <SectionCard
      id="answers"
      title="Answers"
      intro={`${u.tally.agree} agree · ${u.tally.disagree} disagree · ${u.tally.abstain} abstain`}
    >
      {open && <AnswerForm {...ctx} />}
      {u.responses.length === 0 ? (
        <Text size="sm" c="dimmed">
          No answers yet. People asked answer agree, disagree or abstain, with a reason if they like.
        </Text>
      ) : (
        <List listStyleType="none" spacing={6} aria-label="Answers given">
          {u.responses.map((r) => (
            <List.Item key={r.personId}>
              <Group gap="xs">
                <Text size="sm" fw={500}>
                  {r.name}
                  {r.personId === viewerId && " (you)"}
                </Text>
                <Badge size="sm" variant="light" color={STANCE[r.stance].color}>
                  {STANCE[r.stance].label}
                </Badge>
                <Text size="xs" c="dimmed">
                  {formatDateTime(r.at, zone)}
                </Text>
              </Group>
              {r.comment && (
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {r.comment}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </SectionCard>
  );
}

/** Agree / Disagree / Abstain, with an optional reason; answering again changes the answer. */
function AnswerForm({ update: u, viewerId }: ThreadContext) {
  const current = u.responses.find((r) => r.personId === viewerId);
  const [comment, setComment] = useState("");
  const answer = useThreadAction(
    (body: { stance: Stance; comment?: string }) => ({
      method: "POST",
      path: `/updates/${u.id}/responses`,
      body,
    }),
    { done: "Answer saved.", onDone: () => setComment("") },
  );
  const send = (stance: Stance) =>
    answer.mutate({ stance, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  return (
    <div>
      <Textarea
        label="Reason (optional)"
        description={current ? "Answering again replaces your answer." : undefined}
        autosize
        minRows={1}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        error={fieldErrors(answer.error).comment}
      />
      <Group gap="xs" mt="xs" role="group" aria-label="Your answer">
        {STANCES.map((stance) => (
          <Button
            key={stance}
            color={current?.stance === stance ? STANCE[stance].filled : STANCE[stance].color}
            variant={current?.stance === stance ? "filled" : "light"}
            aria-pressed={current?.stance === stance}
            loading={answer.isPending && answer.variables?.stance === stance}
            onClick={() => send(stance)}
          >
            {STANCE[stance].label}
          </Button>
        ))}
      </Group>
      <FormError error={answer.error} />
    </div>
  );
}
