import { Button, Group, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { FormError } from "../../../components/FormError";
import { fieldErrors } from "../../../lib/action";
import type { AgendaItemView } from "../api";
import { useMeetingAction } from "./api";
import { useDraft } from "./draft";

/** An agenda item's notes: typing is kept through live refreshes until saved. */
export function ItemNotes({ item, readOnly }: { item: AgendaItemView; readOnly: boolean }) {
  const draft = useDraft({ text: item.notes, version: item.notes });
  const [open, setOpen] = useState(item.notes !== "");
  const save = useMeetingAction((notes: string) => ({
    method: "PATCH",
    path: `/agenda-items/${item.id}`,
    body: { notes },
  }));
  const send = (text: string) =>
    save.mutate(text, { onSuccess: () => draft.rebase({ text, version: text }) });
  if (readOnly)
    return item.notes ? (
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {item.notes}
      </Text>
    ) : null;
  if (!open)
    return (
      <Group>
        <Button variant="subtle" size="compact-xs" onClick={() => setOpen(true)}>
          Add notes to “{item.title}”
        </Button>
      </Group>
    );
  return (
    <>
      <Textarea
        label={`Notes on “${item.title}”`}
        size="xs"
        autosize
        minRows={2}
        value={draft.text}
        onChange={(e) => draft.setText(e.currentTarget.value)}
        error={fieldErrors(save.error).notes}
        description={
          draft.dirty && draft.behind
            ? "Someone else changed these notes while you typed; saving replaces their text with yours."
            : undefined
        }
      />
      {draft.dirty && (
        <Group gap="xs">
          <Button size="compact-xs" loading={save.isPending} onClick={() => send(draft.text)}>
            Save notes
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            onClick={() => draft.rebase({ text: item.notes, version: item.notes }, item.notes)}
          >
            Discard
          </Button>
        </Group>
      )}
      <FormError error={save.error} />
    </>
  );
}
