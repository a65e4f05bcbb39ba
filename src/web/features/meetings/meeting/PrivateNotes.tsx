import { Button, Group, Text, Textarea } from "@mantine/core";
import { FormError } from "../../../components/FormError";
import { Loading } from "../../../components/Loading";
import { LockIcon } from "../../../components/LockIcon";
import { SectionCard } from "../../../components/SectionCard";
import { fieldErrors } from "../../../lib/action";
import { formatDateTime } from "../../../lib/time";
import { type PrivateNotes as Saved, useMeetingAction, usePrivateNotes } from "./api";
import type { MeetingContext } from "./context";
import { useDraft } from "./draft";

/** The viewer's own notes: nobody else can read them, whatever their role. */
export function PrivateNotes({ meeting, zone, readOnly }: MeetingContext) {
  const saved = usePrivateNotes(meeting.id);
  return (
    <SectionCard
      id="private-notes"
      title="My private notes"
      intro={
        <Group gap={6} component="span" wrap="nowrap">
          <LockIcon />
          <span>Only you can read these — not the organiser, not HR, not admins.</span>
        </Group>
      }
    >
      {saved.data ? (
        <PrivateNotesEditor meetingId={meeting.id} saved={saved.data} zone={zone} readOnly={readOnly} />
      ) : (
        <Loading error={saved.error} />
      )}
    </SectionCard>
  );
}

function PrivateNotesEditor(props: { meetingId: string; saved: Saved; zone: string; readOnly: boolean }) {
  const { meetingId, saved, zone, readOnly } = props;
  const draft = useDraft({ text: saved.body, version: saved.updatedAt });
  const save = useMeetingAction<string, { privateNotes: Saved }>((body) => ({
    method: "PUT",
    path: `/meetings/${meetingId}/private-notes`,
    body: { body },
  }));
  const send = (text: string) =>
    save.mutate(text, {
      onSuccess: ({ privateNotes }) =>
        draft.rebase({ text: privateNotes.body, version: privateNotes.updatedAt }),
    });
  return (
    <>
      <Textarea
        label="Private notes"
        autosize
        minRows={3}
        maxRows={20}
        readOnly={readOnly}
        value={draft.text}
        onChange={(e) => draft.setText(e.currentTarget.value)}
        error={fieldErrors(save.error).body}
      />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {saved.updatedAt ? `Saved ${formatDateTime(saved.updatedAt, zone)}` : "Not saved yet"}
          {draft.dirty && " · unsaved changes"}
        </Text>
        {!readOnly && (
          <Button
            size="compact-sm"
            disabled={!draft.dirty}
            loading={save.isPending}
            onClick={() => send(draft.text)}
          >
            Save private notes
          </Button>
        )}
      </Group>
      <FormError error={save.error} />
    </>
  );
}
