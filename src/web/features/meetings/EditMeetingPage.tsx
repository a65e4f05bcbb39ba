import { Anchor, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { PersonView } from "../../../contracts/people";
import type { TeamView } from "../../../contracts/teams";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { fieldErrors, useAction } from "../../lib/action";
import { ApiError } from "../../lib/api";
import { usePeople, useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { showAgreementWarnings } from "./agreement-warnings";
import { type MeetingView, meetingKeys, updateMeeting, useMeeting } from "./api";
import { draftFromMeeting, toUpdateBody } from "./edit/draft";
import { meetingPath, namer } from "./meeting/context";
import { MeetingNotFound } from "./meeting/NotFound";
import { ConflictPanel, conflictOf } from "./new/ConflictPanel";
import { DetailsForm } from "./new/DetailsForm";

/**
 * Edit or reschedule a meeting (`/meetings/:id/edit`, the organiser, while it is scheduled): New
 * meeting's details form, prefilled; only what changed is sent. A change that breaks a blocking rule of
 * the agreement comes back as sentences with a field for the reason; once saved, the warnings are
 * shown and the meeting's page opens.
 */
export function EditMeetingPage() {
  const { id = "" } = useParams();
  const viewer = useViewer();
  const meeting = useMeeting(id);
  const people = usePeople();
  const teams = useTeams();
  if (meeting.error instanceof ApiError && meeting.error.status === 404) return <MeetingNotFound />;
  if (!meeting.data || !people.data) return <Loading error={meeting.error ?? people.error} />;
  const m = meeting.data;
  return (
    <Stack>
      <Anchor component={Link} to={meetingPath(m)} size="sm">
        ← Back to {m.title}
      </Anchor>
      <Title order={1} size="h2">
        Edit {m.title}
      </Title>
      {m.organiserId !== viewer.person.id ? (
        <Text>
          Only the organiser, {namer(m, people.data)(m.organiserId)}, can change this meeting. Ask them if it
          needs a new time or other people.
        </Text>
      ) : m.status !== "scheduled" ? (
        <Text>
          This meeting is {m.status}, so it can no longer be changed. It is kept as it was, for the record.
        </Text>
      ) : (
        <EditForm meeting={m} people={people.data} teams={teams.data} zone={viewer.zone} />
      )}
    </Stack>
  );
}

function EditForm(props: {
  meeting: MeetingView;
  people: PersonView[];
  teams: TeamView[] | undefined;
  zone: string;
}) {
  const { meeting, zone } = props;
  const navigate = useNavigate();
  // What the meeting was when the form opened: the changes are measured from it.
  const [before] = useState(() => draftFromMeeting(meeting, zone));
  const [draft, setDraft] = useState(before);
  const back = () => navigate(meetingPath(meeting));
  const save = useAction(
    (reason: string | undefined) => updateMeeting(meeting.id, toUpdateBody(before, draft, zone, reason)),
    {
      refresh: [meetingKeys.all],
      done: "Meeting saved; everyone invited gets the updated calendar invitation.",
      onDone: ({ meeting: saved }) => {
        showAgreementWarnings("Saved, with warnings from the agreement", saved.warnings);
        back();
      },
    },
  );
  const submit = () => {
    if (Object.keys(toUpdateBody(before, draft, zone)).length > 0) return save.mutate(undefined);
    notifications.show({ message: "Nothing changed, so nothing was sent." });
    back();
  };
  const violations = conflictOf(save.error);
  const errors = fieldErrors(save.error);
  return (
    <>
      <Text c="dimmed">
        Times are in your zone ({zone}); each attendee's own clock shows beside their name.
        {meeting.series && " This changes this meeting only; the rest of its series stays as it is."}
      </Text>
      <DetailsForm
        draft={draft}
        setDraft={setDraft}
        people={props.people}
        teams={props.teams}
        viewerZone={zone}
        errors={errors}
        pending={save.isPending && save.variables === undefined}
        onSubmit={submit}
        editing
      >
        <Text size="sm">
          When you save, everyone invited gets an updated calendar invitation and a notification; people you
          remove get a cancellation. A new time, length or list of attendees is checked against the working
          agreement again.
        </Text>
        {violations ? (
          <ConflictPanel
            violations={violations}
            pending={save.isPending && save.variables !== undefined}
            reasonError={errors["override.reason"]}
            onOverride={(reason) => save.mutate(reason)}
            editing
          />
        ) : (
          <FormError error={save.error} />
        )}
      </DetailsForm>
    </>
  );
}
