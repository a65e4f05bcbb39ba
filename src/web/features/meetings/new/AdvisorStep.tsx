import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { Advice, AdviceInput, MeetingKind } from "../../../../contracts/agreement";
import type { PersonView } from "../../../../contracts/people";
import { FormError } from "../../../components/FormError";
import { fieldErrors, submitWith, useAction } from "../../../lib/action";
import { api } from "../../../lib/api";
import { AdviceAnswer, KindSelect, ParticipantsField, type Purpose, PurposeField } from "../../advisor";

export interface Asked {
  purpose: Purpose;
  kind: MeetingKind | null;
  participantIds: string[];
  advice: Advice;
}

/**
 * "New meeting" starts here: what is it for, what kind, with whom; the advisor answers from the
 * agreement. When it says async, the page says so with the reasons, and going on is a deliberate click.
 */
export function AdvisorStep(props: {
  people: PersonView[];
  participantIds: string[];
  onGoOn: (asked: Asked) => void;
}) {
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const [kind, setKind] = useState<MeetingKind | null>(null);
  const [participantIds, setParticipantIds] = useState(props.participantIds);
  const [purposeError, setPurposeError] = useState<string | undefined>();
  const ask = useAction(async (question: Omit<Asked, "advice">) => {
    const body: AdviceInput = {
      purpose: question.purpose,
      participantIds: question.participantIds,
      ...(question.kind ? { kind: question.kind } : {}),
    };
    const { advice } = await api<{ advice: Advice }>("POST", "/advice", body);
    return { ...question, advice };
  });
  const errors = fieldErrors(ask.error);
  const asked = ask.data;
  const stale =
    !!asked &&
    (asked.purpose !== purpose ||
      asked.kind !== kind ||
      asked.participantIds.join() !== participantIds.join());

  return (
    <Stack>
      <form
        aria-label="Should this be a meeting?"
        onSubmit={submitWith(() => {
          setPurposeError(purpose ? undefined : "Choose what it is for");
          if (purpose) ask.mutate({ purpose, kind, participantIds });
        })}
      >
        <Stack>
          <Text>
            First, one question: could this be async? Say what the meeting is for and with whom; the answer
            follows your working agreement and everyone's working hours.
          </Text>
          <PurposeField value={purpose} onChange={setPurpose} error={purposeError ?? errors.purpose} />
          <KindSelect
            label="Kind of meeting"
            placeholder="None in particular"
            value={kind}
            onChange={setKind}
            maw={420}
            error={errors.kind}
          />
          <ParticipantsField
            people={props.people}
            value={participantIds}
            onChange={setParticipantIds}
            error={errors.participantIds}
          />
          <FormError error={ask.error} />
          <Group>
            <Button type="submit" loading={ask.isPending}>
              Ask the advisor
            </Button>
          </Group>
        </Stack>
      </form>
      {asked && (
        <AdviceAnswer
          advice={asked.advice}
          purpose={asked.purpose}
          teamId={null}
          participants={props.people.filter((p) => asked.participantIds.includes(p.id))}
          stale={stale}
          onward={<GoOn asked={asked} onGoOn={props.onGoOn} />}
        />
      )}
    </Stack>
  );
}

function GoOn({ asked, onGoOn }: { asked: Asked; onGoOn: (asked: Asked) => void }) {
  if (asked.advice.mode !== "async")
    return (
      <Group>
        <Button onClick={() => onGoOn(asked)}>Go on to the meeting's details</Button>
      </Group>
    );
  return (
    <Alert color="yellow" title="This could be async" role="note">
      <Stack gap="xs">
        <Text size="sm">
          For the reasons above, a written update would likely do. If you still need to meet, say so and go
          on: the meeting is checked against the agreement again when you create it.
        </Text>
        <Group>
          <Button variant="default" onClick={() => onGoOn(asked)}>
            Meet anyway
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
