import { Alert, Button, Group, SimpleGrid, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { FormError } from "../../../components/FormError";
import { SectionCard } from "../../../components/SectionCard";
import { fieldErrors } from "../../../lib/action";
import { ApiError } from "../../../lib/api";
import { MarkdownPreview, ServerHtml } from "../../agreement";
import { type Notes, useMeetingAction } from "./api";
import type { MeetingContext } from "./context";
import { useDraft } from "./draft";

/** The notes someone else saved first, from a 409 answer. */
function conflictOf(error: unknown): Notes | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  return (error.body?.details as { notes?: Notes } | undefined)?.notes;
}

/** Shared notes in markdown: every attendee edits; a save on top of someone else's is never silent. */
export function SharedNotes({ meeting, readOnly }: MeetingContext) {
  const notes = meeting.notes;
  const draft = useDraft({ text: notes.body, version: notes.version });
  const [editing, setEditing] = useState(false);
  const save = useMeetingAction<string, { notes: Notes }>((body) => ({
    method: "PUT",
    path: `/meetings/${meeting.id}/notes`,
    body: { body, baseVersion: draft.version },
  }));
  const send = (text: string) =>
    save.mutate(text, {
      onSuccess: ({ notes: saved }) => {
        draft.rebase({ text: saved.body, version: saved.version });
        setEditing(false);
      },
    });
  const theirs = conflictOf(save.error);
  const adopt = (text: string) => {
    if (!theirs) return;
    draft.rebase({ text: theirs.body, version: theirs.version }, text);
    save.reset();
  };
  return (
    <SectionCard
      id="notes"
      title="Shared notes"
      intro="Everyone invited can read and edit these; they go into the recap."
    >
      {!editing || readOnly ? (
        <>
          {notes.body.trim() ? (
            <ServerHtml html={notes.html} />
          ) : (
            <Text size="sm" c="dimmed">
              No notes yet.
            </Text>
          )}
          {!readOnly && (
            <Group>
              <Button variant="light" onClick={() => setEditing(true)}>
                {draft.dirty ? "Continue editing" : "Edit notes"}
              </Button>
            </Group>
          )}
        </>
      ) : (
        <>
          {theirs && (
            <Alert color="orange" title="Someone else saved first" role="alert">
              <Text size="sm" mb="xs">
                Your text is still below, unsaved. Their version:
              </Text>
              <ServerHtml html={theirs.html} />
              <Group mt="sm" gap="xs">
                <Button size="compact-sm" onClick={() => adopt(`${theirs.body}\n\n${draft.text}`)}>
                  Keep both (theirs, then mine)
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => adopt(draft.text)}>
                  Keep mine, edit, then save
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => adopt(theirs.body)}>
                  Use theirs
                </Button>
              </Group>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Textarea
              label="Notes (markdown)"
              autosize
              minRows={6}
              maxRows={30}
              value={draft.text}
              onChange={(e) => draft.setText(e.currentTarget.value)}
              error={fieldErrors(save.error).body}
            />
            <MarkdownPreview source={draft.text} label="Preview of the shared notes" />
          </SimpleGrid>
          {!theirs && <FormError error={save.error} />}
          <Group justify="flex-end" gap="xs">
            {draft.dirty ? (
              <ConfirmButton
                question="Throw away what you typed and show the saved notes?"
                confirmLabel="Discard"
                onConfirm={() => {
                  draft.rebase({ text: notes.body, version: notes.version }, notes.body);
                  save.reset();
                  setEditing(false);
                }}
              >
                Discard changes
              </ConfirmButton>
            ) : (
              <Button variant="default" onClick={() => setEditing(false)}>
                Done
              </Button>
            )}
            <Button
              onClick={() => send(draft.text)}
              loading={save.isPending}
              disabled={!draft.dirty || Boolean(theirs)}
            >
              Save notes
            </Button>
          </Group>
        </>
      )}
    </SectionCard>
  );
}
