import {
  Anchor,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  List,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import type { Advice } from "../../../contracts/agreement";
import type { PersonView } from "../../../contracts/people";
import { plural } from "../../../core/agreement/catalog";
import type { AdvisedUpdate } from "../../lib/advised-update";
import { useViewer } from "../../lib/session";
import { formatDateTime, formatTime } from "../../lib/time";
import { useAgreement } from "../agreement";
import {
  draftUpdate,
  isRule,
  MODE_WORDS,
  type Purpose,
  reasonTag,
  reasonText,
  recipientLines,
  replyByLines,
} from "./advice-text";

/** The advisor's answer: the mode in big words, the reasons with the rule each cites, and the next step. */
export function AdviceAnswer(props: {
  advice: Advice;
  purpose: Purpose;
  teamId: string | null;
  participants: PersonView[];
  /** The form changed since this answer was given. */
  stale: boolean;
  /** What else the page offers after the next step (New meeting: go on with the meeting). */
  onward?: ReactNode;
}) {
  const { advice, participants } = props;
  const viewer = useViewer();
  const heading = useRef<HTMLHeadingElement>(null);
  const [continued, setContinued] = useState(false);
  // A new answer takes the focus, so screen readers read it out.
  useEffect(() => {
    if (advice) {
      setContinued(false);
      heading.current?.focus();
    }
  }, [advice]);
  const { async: asyncStep, sync: syncStep } = advice.next;
  // Beside the page's own way on, "Continue" only drafts the written update (when there is one).
  const continueLabel = !props.onward ? "Continue" : asyncStep ? "Draft the written update" : null;
  const replyBy = asyncStep && replyByLines(asyncStep.replyBy, viewer.zone, participants);
  const dueLines =
    asyncStep &&
    recipientLines(
      asyncStep.recipients,
      { personId: viewer.person.id, zone: viewer.zone },
      new Map(participants.map((p) => [p.id, p])),
    );

  return (
    <Card withBorder component="section" aria-labelledby="advice-heading" padding="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          The answer
        </Text>
        <Title order={3} id="advice-heading" ref={heading} tabIndex={-1} size="h1">
          {MODE_WORDS[advice.mode]}
        </Title>
        {props.stale && (
          <Text c="orange.9" size="sm">
            You have changed the question since: ask again for a fresh answer.
          </Text>
        )}

        <Title order={4}>Why</Title>
        <List spacing="xs" aria-label="Reasons">
          {advice.reasons.map((reason) => (
            <List.Item key={`${reason.ruleId}-${reason.text}`}>
              {reasonText(reason)}{" "}
              {isRule(reason) ? (
                <Badge
                  component={Link}
                  to={`/agreement#rule-${reason.ruleId.split(".")[0]}`}
                  size="sm"
                  variant="light"
                  tt="none"
                  style={{ cursor: "pointer" }}
                  aria-label={`${reasonTag(reason)}: see the rule in the agreement`}
                >
                  {reasonTag(reason)}
                </Badge>
              ) : (
                <Badge size="sm" variant="outline" color="gray" tt="none">
                  {reasonTag(reason)}
                </Badge>
              )}
            </List.Item>
          ))}
        </List>

        <Title order={4}>Next step</Title>
        {asyncStep && replyBy && (
          <Stack gap={2}>
            <Text>
              {advice.mode === "hybrid" ? "First write a pre-read" : "Write it up"} and ask for replies by{" "}
              <strong>{replyBy.mine} your time</strong>: {plural(asyncStep.workingHours, "working hour")} for
              each recipient, the last of these deadlines.
            </Text>
            <List size="sm" aria-label="Each recipient's reply-by, your time">
              {dueLines?.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Stack>
        )}
        {syncStep && (
          <Text>
            {advice.mode === "hybrid" ? "Then meet" : "Meet"} for{" "}
            <strong>{syncStep.durationMinutes} minutes</strong>
            {syncStep.slots && syncStep.slots.length > 0 ? ", at one of these times (your time):" : "."}
          </Text>
        )}
        {syncStep?.slots && syncStep.slots.length > 0 && (
          <List size="sm">
            {syncStep.slots.map((slot) => (
              <List.Item key={slot.start}>
                {formatDateTime(slot.start, viewer.zone)}–{formatTime(slot.end, viewer.zone)}
              </List.Item>
            ))}
          </List>
        )}
        {!continued && continueLabel && (
          <Group>
            <Button onClick={() => setContinued(true)} variant={props.onward ? "default" : "filled"}>
              {continueLabel}
            </Button>
          </Group>
        )}
        {continued && <Continue {...props} />}
        {props.onward}
      </Stack>
    </Card>
  );
}

/** The kind of update each purpose asks for. */
const KIND_FOR_PURPOSE: Record<Purpose, AdvisedUpdate["kind"]> = {
  inform: "status",
  discuss: "question",
  decide: "proposal",
  brainstorm: "question",
  bond: "status",
  feedback: "question",
};

/** What "Continue" leads to: a draft update for the composer (or to copy), or Find a time. */
function Continue({ advice, purpose, teamId, participants }: Parameters<typeof AdviceAnswer>[0]) {
  const viewer = useViewer();
  const agreement = useAgreement(teamId);
  const { async: asyncStep, sync: syncStep } = advice.next;
  const [draft, setDraft] = useState(() =>
    asyncStep
      ? draftUpdate({
          purpose,
          replyBy: asyncStep.replyBy,
          workingHours: asyncStep.workingHours,
          viewerZone: viewer.zone,
          participants,
        })
      : "",
  );
  const agendaHours = agreement.data?.rules.agendaRequiredHoursBefore ?? 0;
  return (
    <Stack gap="sm">
      {asyncStep && (
        <>
          <Text size="sm">
            Edit the draft here, then open it in the composer: the people you asked about become its required
            responders.
          </Text>
          <Textarea
            label="Draft update"
            autosize
            minRows={6}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
          <Group>
            <Button
              component={Link}
              to="/updates/new"
              state={{
                advised: {
                  kind: KIND_FOR_PURPOSE[purpose],
                  body: draft,
                  teamId,
                  personIds: participants.map((p) => p.id).filter((id) => id !== viewer.person.id),
                } satisfies AdvisedUpdate,
              }}
            >
              Post it as an update
            </Button>
            <CopyButton value={draft}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? "Copied" : "Copy the draft"}
                </Button>
              )}
            </CopyButton>
          </Group>
        </>
      )}
      {syncStep && (
        <Text size="sm">
          <Anchor
            component={Link}
            to={`/meetings/find-a-time?people=${participants.map((p) => p.id).join(",")}&duration=${syncStep.durationMinutes}`}
            inherit
            underline="always"
          >
            Find a {syncStep.durationMinutes}-minute time for everyone
          </Anchor>
          {agendaHours > 0 ? `, and share the agenda at least ${plural(agendaHours, "hour")} before` : ""}.
        </Text>
      )}
    </Stack>
  );
}
