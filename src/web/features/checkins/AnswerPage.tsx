import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useEffect, useMemo, useRef } from "react";
import { useNavigate, useParams } from "react-router";
import type { PersonView } from "../../../contracts/people";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { errorUnder, fieldErrors, submitWith, useAction } from "../../lib/action";
import { useKeptDraft } from "../../lib/kept-draft";
import { useNow } from "../../lib/now";
import { usePeople } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { formatDate, formatDateTime } from "../../lib/time";
import { answerDrafts, draftFromAnswers, emptyEntry, toAnswerBody, withEntry } from "./answer/draft";
import { focusFirstStop, onFormKeyDown, STOP } from "./answer/keyboard";
import { QuestionField } from "./answer/QuestionField";
import { answerOccurrence, checkinKeys, type OccurrenceView, useOccurrence } from "./api";
import { isNotFound, OccurrenceNotFound } from "./list/NotFound";

/** "Answer check-in": one of my occurrences, keyboard first, what is typed kept in the browser until sent. */
export function AnswerPage() {
  const { occurrenceId = "" } = useParams();
  const occurrence = useOccurrence(occurrenceId);
  const people = usePeople();
  if (isNotFound(occurrence.error)) return <OccurrenceNotFound />;
  if (!occurrence.data || !people.data) return <Loading error={occurrence.error ?? people.error} />;
  return <AnswerForm key={occurrence.data.id} occurrence={occurrence.data} people={people.data} />;
}

function AnswerForm({ occurrence, people }: { occurrence: OccurrenceView; people: PersonView[] }) {
  const viewer = useViewer();
  const now = useNow();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const kept = useMemo(() => answerDrafts(occurrence.id), [occurrence.id]);
  // What was typed here before wins; else what was sent before (answering again replaces it).
  const [handed] = useMemo(
    () => [kept.load(localStorage, viewer.person.id) ? null : draftFromAnswers(occurrence)],
    [kept, viewer.person.id, occurrence],
  );
  const { draft, setDraft, restored, discard, done } = useKeptDraft(kept, viewer.person.id, handed);
  const { body, questionIds } = toAnswerBody(occurrence.questions, draft);
  const send = useAction(() => answerOccurrence(occurrence.id, body), {
    refresh: [checkinKeys.all],
    done: `Your answers to ${occurrence.checkinName} are in`,
    onDone: () => {
      done();
      navigate("/checkins");
    },
  });
  useEffect(() => focusFirstStop(formRef.current), []);

  const zone = viewer.zone;
  const closed = Date.parse(occurrence.dueAt) <= now;
  const late = !closed && Date.parse(occurrence.lateAfter) <= now;
  const errors = fieldErrors(send.error);
  const errorOf = (questionId: string) => {
    const i = questionIds.indexOf(questionId);
    return i < 0 ? undefined : errorUnder(errors, `answers[${i}]`);
  };
  const unblockers = people.filter((p) => p.status === "active" && p.id !== viewer.person.id);
  const sendNow = () => {
    if (!send.isPending) send.mutate(undefined);
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        {occurrence.checkinName}
      </Title>
      <Text>
        For {formatDate(occurrence.localDate)} · due {formatDateTime(occurrence.dueAt, zone)} (in your zone,{" "}
        {zone}) · late after {formatDateTime(occurrence.lateAfter, zone)}
      </Text>
      {closed && (
        <Alert color="red" title="Closed">
          This check-in closed at {formatDateTime(occurrence.dueAt, zone)}; answers are no longer taken.
        </Alert>
      )}
      {late && (
        <Alert color="yellow" title="Late">
          Answers are still taken until {formatDateTime(occurrence.dueAt, zone)}, marked late.
        </Alert>
      )}
      {restored && (
        <Alert color="blue" title="Draft restored">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              What you typed last time is back; it is kept in this browser until you send it.
            </Text>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                discard();
                setDraft(draftFromAnswers(occurrence));
              }}
            >
              Discard draft
            </Button>
          </Group>
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        Enter moves to the next question, Shift+Enter starts a new line, Ctrl+Enter sends.
      </Text>
      <form
        ref={formRef}
        aria-label="Answers"
        onSubmit={submitWith(sendNow)}
        onKeyDown={(e) => onFormKeyDown(e, sendNow)}
        noValidate
      >
        <Stack gap="lg">
          {occurrence.questions.map((q, i) => (
            <QuestionField
              key={q.id}
              n={i + 1}
              question={q}
              entry={draft.answers[q.id] ?? emptyEntry()}
              onChange={(entry) => setDraft(withEntry(draft, q.id, entry))}
              people={unblockers}
              error={errorOf(q.id)}
            />
          ))}
          <FormError error={send.error} />
          <Group>
            <Button {...STOP} type="submit" loading={send.isPending}>
              {occurrence.answeredAt ? "Send changes" : "Send answers"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
