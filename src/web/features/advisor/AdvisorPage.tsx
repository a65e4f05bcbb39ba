import { Anchor, Button, Group, Radio, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import type { Advice, AdviceInput, MeetingKind } from "../../../contracts/agreement";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { TeamSelect } from "../../components/TeamSelect";
import { fieldErrors, useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { usePeople, useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { AdviceAnswer } from "./AdviceAnswer";
import type { Purpose } from "./advice-text";
import { KindSelect, ParticipantsField, PurposeField } from "./QuestionFields";

interface Question {
  purpose: Purpose | null;
  kind: MeetingKind | null;
  sensitivity: NonNullable<AdviceInput["sensitivity"]>;
  urgency: NonNullable<AdviceInput["urgency"]>;
  complexity: NonNullable<AdviceInput["complexity"]>;
  participantIds: string[];
  teamId: string | null;
}

/** The three scales of a question, each a row of radio buttons: [value, label] pairs. */
const LEVELS: {
  key: "sensitivity" | "urgency" | "complexity";
  label: string;
  options: [string, string][];
}[] = [
  {
    key: "sensitivity",
    label: "How sensitive is it?",
    options: [
      ["normal", "Normal"],
      ["personal", "Personal"],
      ["confidential", "Confidential"],
    ],
  },
  {
    key: "urgency",
    label: "How urgent?",
    options: [
      ["low", "Low"],
      ["normal", "Normal"],
      ["urgent", "Urgent"],
    ],
  },
  {
    key: "complexity",
    label: "How complex?",
    options: [
      ["low", "Simple"],
      ["medium", "Medium"],
      ["high", "Complex"],
    ],
  },
];

/** "Should this be a meeting?": the advisor's questions as a short form, and its answer with reasons. */
export function AdvisorPage() {
  const viewer = useViewer();
  const people = usePeople();
  const teams = useTeams();
  const [q, setQ] = useState<Question>({
    purpose: null,
    kind: null,
    sensitivity: "normal",
    urgency: "normal",
    complexity: "medium",
    participantIds: [viewer.person.id],
    teamId: null,
  });
  const [purposeError, setPurposeError] = useState<string | undefined>();
  const set = <K extends keyof Question>(key: K, value: Question[K]) =>
    setQ((prev) => ({ ...prev, [key]: value }));
  const ask = useAction(async (question: Question) => {
    const body: AdviceInput = {
      purpose: question.purpose ?? "inform",
      sensitivity: question.sensitivity,
      urgency: question.urgency,
      complexity: question.complexity,
      participantIds: question.participantIds,
      ...(question.kind ? { kind: question.kind } : {}),
      ...(question.teamId ? { teamId: question.teamId } : {}),
    };
    const { advice } = await api<{ advice: Advice }>("POST", "/advice", body);
    return { advice, question };
  });
  const errors = fieldErrors(ask.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!q.purpose) {
      setPurposeError("Choose what it is for");
      return;
    }
    setPurposeError(undefined);
    ask.mutate(q);
  };
  if (!people.data) return <Loading error={people.error} />;
  const asked = ask.data?.question;

  return (
    <Stack>
      <Title order={1} size="h2">
        Should this be a meeting?
      </Title>
      <Text>
        Say what you want to achieve and with whom. The advisor answers from your working agreement and
        everyone's working hours, and says why.
      </Text>
      <form onSubmit={onSubmit} aria-label="Your question">
        <Stack>
          <PurposeField
            value={q.purpose}
            onChange={(v) => set("purpose", v)}
            error={purposeError ?? errors.purpose}
          />
          <KindSelect
            label="Kind of meeting (if it has one)"
            placeholder="None in particular"
            value={q.kind}
            onChange={(v) => set("kind", v)}
            maw={420}
            error={errors.kind}
          />
          {LEVELS.map((level) => (
            <Radio.Group
              key={level.key}
              label={level.label}
              value={q[level.key]}
              onChange={(v) => setQ((prev) => ({ ...prev, [level.key]: v }))}
            >
              <Group gap="md" mt={6}>
                {level.options.map(([value, label]) => (
                  <Radio key={value} value={value} label={label} />
                ))}
              </Group>
            </Radio.Group>
          ))}
          <ParticipantsField
            description="Their working hours and zones decide the reply-by and whether there is time to meet."
            people={people.data}
            value={q.participantIds}
            onChange={(ids) => set("participantIds", ids)}
            error={errors.participantIds}
          />
          {teams.data && teams.data.length > 0 && (
            <TeamSelect
              label="Team (uses its agreement)"
              placeholder="The organisation's agreement"
              teams={teams.data}
              value={q.teamId}
              onChange={(v) => set("teamId", v)}
              maw={420}
            />
          )}
          <FormError error={ask.error} />
          <Group>
            <Button type="submit" loading={ask.isPending}>
              Get the answer
            </Button>
          </Group>
        </Stack>
      </form>
      {ask.data && asked && (
        <AdviceAnswer
          advice={ask.data.advice}
          purpose={asked.purpose ?? "inform"}
          teamId={asked.teamId}
          participants={people.data.filter((p) => asked.participantIds.includes(p.id))}
          stale={JSON.stringify(asked) !== JSON.stringify(q)}
        />
      )}
      <Text size="sm" c="dimmed">
        The answer follows the{" "}
        <Anchor component={Link} to="/agreement" inherit underline="always">
          working agreement
        </Anchor>
        ; each reason names the rule it comes from.
      </Text>
    </Stack>
  );
}
