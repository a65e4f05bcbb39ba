import { Anchor, Button, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { PersonView } from "../../../../contracts/people";
import type { TeamView } from "../../../../contracts/teams";
import { AttendeePicker } from "../../../components/AttendeePicker";
import { TeamSelect } from "../../../components/TeamSelect";
import { submitWith } from "../../../lib/action";
import { KindSelect } from "../../advisor";
import { DocumentPicker } from "../../documents";
import { DateField, LengthInput } from "../../scheduling";
import { AgendaEditor } from "./AgendaEditor";
import { AttendeeTimes } from "./AttendeeTimes";
import { keepDraft, type MeetingDraft, startOf } from "./draft";
import { RepeatFields } from "./RepeatFields";

/**
 * The meeting's details: what, when (viewer's zone), who (with their own clocks), how often, the agenda.
 * `editing` (an existing meeting): no repeat, agenda or Find a time here, and the button saves.
 */
export function DetailsForm(props: {
  draft: MeetingDraft;
  setDraft: (update: (prev: MeetingDraft) => MeetingDraft) => void;
  people: PersonView[];
  teams: TeamView[] | undefined;
  viewerZone: string;
  errors: Record<string, string>;
  pending: boolean;
  onSubmit: () => void;
  editing?: boolean;
  children?: ReactNode;
}) {
  const { draft, errors, people, viewerZone } = props;
  const set = <K extends keyof MeetingDraft>(key: K, value: MeetingDraft[K]) =>
    props.setDraft((prev) => ({ ...prev, [key]: value }));
  const everyone = [...draft.required, ...draft.optional];
  // "attendees[2].personId": the server names one attendee; the picker shows it (people are in order).
  const attendeeError =
    errors.attendees ?? Object.entries(errors).find(([path]) => path.startsWith("attendees["))?.[1];
  // One list each: a person is required or optional, never both.
  const picker = (list: "required" | "optional", other: "required" | "optional") => ({
    people,
    teams: props.teams,
    value: draft[list],
    taken: draft[other],
    onChange: (ids: string[]) => set(list, ids),
  });
  const findTime = `/meetings/find-a-time?people=${draft.required.join(",")}&duration=${draft.durationMinutes}`;

  return (
    <form aria-label="Meeting details" onSubmit={submitWith(props.onSubmit)}>
      <Stack>
        <TextInput
          label="Title"
          required
          value={draft.title}
          onChange={(e) => set("title", e.currentTarget.value)}
          error={errors.title}
          maw={560}
        />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <KindSelect
            label="Kind"
            value={draft.kind}
            onChange={(v) => v && set("kind", v)}
            clearable={false}
            allowDeselect={false}
            error={errors.kind}
            w={260}
          />
          {props.teams && props.teams.length > 0 && (
            <TeamSelect
              label="Team (its agreement applies)"
              placeholder="No team"
              teams={props.teams}
              value={draft.teamId}
              onChange={(v) => set("teamId", v)}
              error={errors.teamId}
              w={260}
            />
          )}
        </Group>
        <Textarea
          label="Purpose"
          description="What the meeting should achieve, in a sentence."
          autosize
          minRows={1}
          value={draft.purpose}
          onChange={(e) => set("purpose", e.currentTarget.value)}
          error={errors.purpose}
          maw={560}
        />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <DateField label="Date" value={draft.date} onChange={(v) => set("date", v)} error={errors.start} />
          <TextInput
            type="time"
            label={`Start (${viewerZone})`}
            required
            value={draft.time}
            onChange={(e) => set("time", e.currentTarget.value)}
            w={170}
          />
          <LengthInput
            value={draft.durationMinutes}
            onChange={(v) => set("durationMinutes", v)}
            error={errors.durationMinutes}
          />
        </Group>
        <AttendeePicker
          label="Required attendees"
          {...picker("required", "optional")}
          error={attendeeError}
          required
        />
        <AttendeePicker
          label="Optional attendees"
          description="They are invited and may follow async; the agreement's blocking rules count required people."
          {...picker("optional", "required")}
        />
        <AttendeeTimes
          people={people}
          ids={everyone}
          optional={new Set(draft.optional)}
          start={startOf(draft, viewerZone)}
          durationMinutes={draft.durationMinutes}
          viewerZone={viewerZone}
        />
        {!props.editing && (
          <Text size="sm">
            <Anchor
              component={Link}
              to={findTime}
              onClick={() => keepDraft(draft)}
              inherit
              underline="always"
            >
              Find a time when everyone required works and is free
            </Anchor>{" "}
            ("Create meeting" on a suggested time brings you back here, with what you typed kept).
          </Text>
        )}
        {!props.editing && <RepeatFields draft={draft} set={set} errors={errors} />}
        <TextInput
          label="Location or video link"
          value={draft.location}
          onChange={(e) => set("location", e.currentTarget.value)}
          error={errors.location}
          maw={560}
        />
        <DocumentPicker
          label="Pre-read documents"
          value={draft.preReadDocumentIds}
          onChange={(ids) => set("preReadDocumentIds", ids)}
        />
        {!props.editing && (
          <AgendaEditor rows={draft.agenda} onChange={(rows) => set("agenda", rows)} errors={errors} />
        )}
        {props.children}
        <Group>
          <Button type="submit" loading={props.pending}>
            {props.editing ? "Save changes" : "Create meeting"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
