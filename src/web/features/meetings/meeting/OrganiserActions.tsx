import { Button, Group, Text } from "@mantine/core";
import { Link } from "react-router";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { FormError } from "../../../components/FormError";
import { SectionCard } from "../../../components/SectionCard";
import { useMeetingAction } from "./api";
import { type MeetingContext, meetingPath } from "./context";

/** Edit or reschedule (its own page), complete (sends the recap) or cancel: the organiser's, the last two asked once. */
export function OrganiserActions({ meeting }: MeetingContext) {
  const complete = useMeetingAction(() => ({ method: "POST", path: `/meetings/${meeting.id}/complete` }), {
    done: "Completed: the recap is on its way to everyone invited.",
  });
  const cancel = useMeetingAction(() => ({ method: "DELETE", path: `/meetings/${meeting.id}` }), {
    done: "Meeting cancelled; everyone invited is told.",
  });
  const open = meeting.agenda.filter((i) => i.status === "open").length;
  return (
    <SectionCard
      id="organise"
      title="Finish"
      intro="Completing sends the recap — decisions, action items, what was and was not covered, and a notes summary — to everyone invited, including people following async."
    >
      {open > 0 && meeting.series?.nextId && (
        <Text size="sm">
          {open} open agenda {open === 1 ? "item moves" : "items move"} to the next meeting of the series,
          with the open action items.
        </Text>
      )}
      <Group>
        {meeting.status === "scheduled" && (
          <Button component={Link} to={`${meetingPath(meeting)}/edit`} size="sm" variant="light">
            Edit or reschedule
          </Button>
        )}
        <ConfirmButton
          color="indigo"
          variant="filled"
          size="sm"
          question="Complete the meeting and send the recap to everyone invited? It cannot be taken back."
          confirmLabel="Complete and send recap"
          onConfirm={() => complete.mutate(undefined)}
          loading={complete.isPending}
        >
          Complete meeting
        </ConfirmButton>
        <ConfirmButton
          size="sm"
          question="Cancel this meeting? Everyone invited is told, and the meeting is kept, marked cancelled."
          confirmLabel="Cancel meeting"
          onConfirm={() => cancel.mutate(undefined)}
          loading={cancel.isPending}
        >
          Cancel meeting
        </ConfirmButton>
      </Group>
      <FormError error={complete.error ?? cancel.error} />
    </SectionCard>
  );
}
