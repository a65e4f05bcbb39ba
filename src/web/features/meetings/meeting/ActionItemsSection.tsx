import { Checkbox, Group, List, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { EmptyHint } from "../../../components/EmptyHint";
import { FormError } from "../../../components/FormError";
import { SectionCard } from "../../../components/SectionCard";
import { fieldErrors, submitWith } from "../../../lib/action";
import { formatDate } from "../../../lib/time";
import type { ActionItemView } from "../api";
import { AddForm, OwnerSelect } from "./AddForm";
import { useMeetingAction } from "./api";
import type { MeetingContext } from "./context";

/** Who does what by when; owners tick their items done. */
export function ActionItemsSection(ctx: MeetingContext) {
  const { meeting: m, readOnly } = ctx;
  return (
    <SectionCard id="action-items" title="Action items">
      {m.actionItems.length === 0 ? (
        <EmptyHint title="No action items">
          Give each follow-up an owner and a date; owners see their open items on Home.
        </EmptyHint>
      ) : (
        <List listStyleType="none" spacing="xs">
          {m.actionItems.map((a) => (
            <ActionItemRow key={a.id} ctx={ctx} item={a} />
          ))}
        </List>
      )}
      {!readOnly && <AddActionItem {...ctx} />}
    </SectionCard>
  );
}

function ActionItemRow({ ctx, item }: { ctx: MeetingContext; item: ActionItemView }) {
  const toggle = useMeetingAction((status: "open" | "done") => ({
    method: "PATCH",
    path: `/action-items/${item.id}`,
    body: { status },
  }));
  return (
    <List.Item>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Checkbox
          mt={2}
          aria-label={`“${item.text}” done`}
          checked={item.status === "done"}
          disabled={ctx.readOnly || toggle.isPending}
          onChange={(e) => toggle.mutate(e.currentTarget.checked ? "done" : "open")}
        />
        <div>
          <Text size="sm" td={item.status === "done" ? "line-through" : undefined}>
            {item.text}
          </Text>
          <Text size="xs" c="dimmed">
            {ctx.nameOf(item.ownerId)}
            {item.due && ` · due ${formatDate(item.due)}`}
            {item.carriedFrom && " · carried over from the last meeting"}
          </Text>
          <FormError error={toggle.error} />
        </div>
      </Group>
    </List.Item>
  );
}

const EMPTY = { text: "", ownerId: null as string | null, due: "" };

function AddActionItem({ meeting, viewerId }: MeetingContext) {
  const invited = meeting.attendees.some((a) => a.personId === viewerId);
  const [form, setForm] = useState({ ...EMPTY, ownerId: invited ? viewerId : null });
  const add = useMeetingAction(
    (body: { text: string; ownerId: string; due?: string }) => ({
      method: "POST",
      path: `/meetings/${meeting.id}/action-items`,
      body,
    }),
    { done: "Action item added.", onDone: () => setForm({ ...EMPTY, ownerId: form.ownerId }) },
  );
  const errors = fieldErrors(add.error);
  const submit = submitWith(() =>
    add.mutate({
      text: form.text.trim(),
      ownerId: form.ownerId ?? "",
      ...(form.due ? { due: form.due } : {}),
    }),
  );
  return (
    <AddForm label="Add an action item" onSubmit={submit} pending={add.isPending} error={add.error}>
      <TextInput
        label="Action item"
        required
        style={{ flex: 2, minWidth: 180 }}
        value={form.text}
        onChange={(e) => setForm({ ...form, text: e.currentTarget.value })}
        error={errors.text}
      />
      <OwnerSelect
        meeting={meeting}
        required
        value={form.ownerId}
        onChange={(ownerId) => setForm({ ...form, ownerId })}
        error={errors.ownerId}
      />
      <TextInput
        label="Due"
        type="date"
        value={form.due}
        onChange={(e) => setForm({ ...form, due: e.currentTarget.value })}
        error={errors.due}
      />
    </AddForm>
  );
}
