import { Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import type { MeetingKind } from "../../../contracts/agreement";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { fieldErrors, useAction } from "../../lib/action";
import { usePeople, useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { showAgreementWarnings } from "./agreement-warnings";
import { createMeeting, meetingKeys } from "./api";
import { AdvisorStep, type Asked } from "./new/AdvisorStep";
import { ConflictPanel, conflictOf } from "./new/ConflictPanel";
import { DetailsForm } from "./new/DetailsForm";
import { draftFromQuery, type MeetingDraft, takeKeptDraft, toCreateBody, wallClock } from "./new/draft";

/** The kind a purpose suggests when the advisor was not told one. */
const KIND_OF_PURPOSE: Partial<Record<Asked["purpose"], MeetingKind>> = {
  decide: "decision",
  brainstorm: "brainstorm",
  bond: "social",
  inform: "status_update",
};

/**
 * "New meeting": the advisor's question first (could this be async?), then the details. A meeting
 * that breaks a blocking rule of the agreement comes back as sentences, with a field for the reason
 * to go ahead; once created, its warnings are shown and its page opens.
 */
export function NewMeetingPage() {
  const viewer = useViewer();
  const people = usePeople();
  const teams = useTeams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [initial] = useState(() => {
    const fresh = draftFromQuery(params, viewer.zone, Date.now(), viewer.person.id);
    const kept = takeKeptDraft(fresh, params);
    return { draft: kept ?? fresh, asked: kept !== null };
  });
  const [draft, setDraft] = useState<MeetingDraft>(initial.draft);
  // A draft kept while finding a time has been through the advisor already.
  const [step, setStep] = useState<"advisor" | "details">(initial.asked ? "details" : "advisor");
  const create = useAction(
    (reason: string | undefined) => createMeeting(toCreateBody(draft, viewer.zone, reason)),
    {
      refresh: [meetingKeys.all],
      done: "Meeting created",
      onDone: ({ meeting, warnings }) => {
        showAgreementWarnings("Created, with warnings from the agreement", warnings);
        navigate(`/meetings/${meeting.id}`);
      },
    },
  );
  const violations = conflictOf(create.error);
  const errors = fieldErrors(create.error);
  if (!people.data) return <Loading error={people.error} />;

  const goOn = (asked: Asked) => {
    const sync = asked.advice.next.sync;
    const slot = sync?.slots?.[0];
    const kind = asked.kind ?? KIND_OF_PURPOSE[asked.purpose];
    setDraft((prev) => ({
      ...prev,
      // The advisor's answer fills what the address did not say.
      ...(kind ? { kind } : {}),
      required: asked.participantIds.filter((id) => !prev.optional.includes(id)),
      ...(sync && !params.has("duration") ? { durationMinutes: sync.durationMinutes } : {}),
      ...(slot && !params.has("start") ? wallClock(viewer.zone, Date.parse(slot.start)) : {}),
    }));
    setStep("details");
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        New meeting
      </Title>
      {step === "advisor" ? (
        <AdvisorStep
          people={people.data}
          participantIds={[...draft.required, ...draft.optional]}
          onGoOn={goOn}
        />
      ) : (
        <>
          <Text c="dimmed">
            Times are in your zone ({viewer.zone}); each attendee's own clock shows beside their name.
          </Text>
          <DetailsForm
            draft={draft}
            setDraft={setDraft}
            people={people.data}
            teams={teams.data}
            viewerZone={viewer.zone}
            errors={errors}
            pending={create.isPending && create.variables === undefined}
            onSubmit={() => create.mutate(undefined)}
          >
            {violations ? (
              <ConflictPanel
                violations={violations}
                pending={create.isPending && create.variables !== undefined}
                reasonError={errors["override.reason"]}
                onOverride={(reason) => create.mutate(reason)}
              />
            ) : (
              <FormError error={create.error} />
            )}
          </DetailsForm>
        </>
      )}
    </Stack>
  );
}
