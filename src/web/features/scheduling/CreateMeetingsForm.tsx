import { Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { MeetingKind } from "../../../contracts/agreement";
import { ConflictPanel, conflictOf } from "../../components/ConflictPanel";
import { FormError } from "../../components/FormError";
import { fieldErrors, submitWith, useAction } from "../../lib/action";
import { KindSelect } from "../advisor";
import { createMeetingsFromRotation, schedulingKeys } from "./api";
import { LengthInput } from "./fields";

/** What the form needs of a saved rotation. */
export interface SavedRotation {
  id: string;
  name: string | null;
  durationMinutes: number;
  occurrences: { start: string }[];
}

/**
 * "Create these meetings": the saved rotation becomes a weekly series at its planned times, with its
 * attendees; the rotation then leaves the list (its burden is the meetings' from now on). A 409 shows the
 * agreement's violations and takes a reason to override them; success opens the first meeting.
 */
export function CreateMeetingsForm({ rotation }: { rotation: SavedRotation }) {
  const navigate = useNavigate();
  const [title, setTitle] = useState(rotation.name ?? "");
  const [kind, setKind] = useState<MeetingKind>("status_update");
  const [durationMinutes, setDuration] = useState(rotation.durationMinutes);
  const create = useAction(
    (reason: string | undefined) =>
      createMeetingsFromRotation({
        rotationId: rotation.id,
        start: rotation.occurrences[0]?.start ?? "",
        title: title.trim(),
        kind,
        durationMinutes,
        ...(reason ? { override: { reason } } : {}),
      }),
    {
      refresh: [schedulingKeys.all],
      done: "Meetings created: invitations are on their way",
      onDone: (created) => navigate(`/meetings/${created.meeting.id}`),
    },
  );
  const violations = conflictOf(create.error);
  const errors = fieldErrors(create.error);
  const count = rotation.occurrences.length;
  return (
    <Card withBorder component="section" aria-labelledby={`create-${rotation.id}`}>
      <Stack gap="sm" component="form" onSubmit={submitWith(() => create.mutate(undefined))}>
        <Title order={4} id={`create-${rotation.id}`}>
          Create these meetings
        </Title>
        <Text size="sm" c="dimmed">
          {count === 1 ? "One meeting" : `A weekly series of ${count} meetings`} at the rotation's times, with
          its people invited. The rotation is then replaced by the meetings, on the ledger and in calendar
          feeds.
        </Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Title"
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            maxLength={200}
          />
          <KindSelect
            label="Kind"
            value={kind}
            onChange={(v) => v && setKind(v)}
            clearable={false}
            allowDeselect={false}
            error={errors.kind}
            w={220}
          />
          <LengthInput value={durationMinutes} onChange={setDuration} error={errors.durationMinutes} />
        </Group>
        {violations ? (
          <ConflictPanel
            violations={violations}
            pending={create.isPending}
            reasonError={errors["override.reason"]}
            onOverride={(reason) => create.mutate(reason)}
          />
        ) : (
          <FormError error={create.error} />
        )}
        <Group>
          <Button type="submit" loading={create.isPending && !violations}>
            Create {count === 1 ? "the meeting" : `${count} meetings`}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
