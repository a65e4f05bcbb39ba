import { List, Select, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { EmptyHint } from "../../../components/EmptyHint";
import { SectionCard } from "../../../components/SectionCard";
import { fieldErrors, submitWith } from "../../../lib/action";
import { formatDateTime } from "../../../lib/time";
import { AddForm } from "./AddForm";
import { useMeetingAction } from "./api";
import type { MeetingContext } from "./context";

/** What was decided, from which item and by whom recorded; attendees record more. */
export function DecisionsSection(ctx: MeetingContext) {
  const { meeting: m, zone, nameOf, readOnly } = ctx;
  const itemTitle = (id: string | null) => m.agenda.find((i) => i.id === id)?.title;
  return (
    <SectionCard id="decisions" title="Decisions">
      {m.decisions.length === 0 ? (
        <EmptyHint title="No decisions recorded">
          Write down each decision as it is made, so people who follow async know what was settled.
        </EmptyHint>
      ) : (
        <List spacing="xs">
          {m.decisions.map((d) => (
            <List.Item key={d.id}>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {d.text}
              </Text>
              <Text size="xs" c="dimmed">
                {itemTitle(d.agendaItemId) && `On “${itemTitle(d.agendaItemId)}” · `}
                {d.supersedes && "replaces an earlier decision · "}
                recorded by {nameOf(d.recordedBy)}, {formatDateTime(d.createdAt, zone)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {!readOnly && <AddDecision {...ctx} />}
    </SectionCard>
  );
}

function AddDecision({ meeting }: MeetingContext) {
  const [text, setText] = useState("");
  const [agendaItemId, setItem] = useState<string | null>(null);
  const add = useMeetingAction(
    (body: { text: string; agendaItemId?: string }) => ({
      method: "POST",
      path: `/meetings/${meeting.id}/decisions`,
      body,
    }),
    {
      done: "Decision recorded.",
      onDone: () => {
        setText("");
        setItem(null);
      },
    },
  );
  const errors = fieldErrors(add.error);
  const items = [...meeting.agenda]
    .sort((a, b) => a.position - b.position)
    .map((i) => ({ value: i.id, label: i.title }));
  return (
    <AddForm
      label="Record a decision"
      submitLabel="Record"
      onSubmit={submitWith(() =>
        add.mutate({ text: text.trim(), ...(agendaItemId ? { agendaItemId } : {}) }),
      )}
      pending={add.isPending}
      error={add.error}
    >
      <Textarea
        label="Decision"
        required
        autosize
        minRows={1}
        style={{ flex: 2, minWidth: 200 }}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={errors.text}
      />
      {items.length > 0 && (
        <Select
          label="On agenda item"
          clearable
          data={items}
          value={agendaItemId}
          onChange={setItem}
          error={errors.agendaItemId}
          style={{ flex: 1, minWidth: 160 }}
        />
      )}
    </AddForm>
  );
}
