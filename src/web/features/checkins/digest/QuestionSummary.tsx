import { Badge, Group, List, Stack, Text, Title } from "@mantine/core";
import type { BlockerView, DigestQuestion } from "../../../../contracts/checkins";
import { BlockerList } from "./BlockerList";
import { DistributionBars } from "./DistributionBars";
import { LockNote } from "./LockNote";
import { averageText, peopleText, yesNoText } from "./text";

/**
 * One question of a digest, summarised by its type: text answers with their authors, a scale's
 * average and bars, yes/no counts; a pulse item only as an aggregate, or the server's reason for
 * holding it back beside a lock (never anyone's own answer).
 */
export function QuestionSummary(props: {
  question: DigestQuestion;
  options: string[] | null;
  index: number;
  /** For a blocker question: the occurrence's blockers, with who can unblock and their status. */
  blockers: BlockerView[];
  leadOf: boolean;
}) {
  const q = props.question;
  const headingId = `question-${q.id}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Group gap="xs" wrap="nowrap" align="baseline">
        <Title order={4} id={headingId} size="h5">
          {props.index + 1}. {q.prompt}
        </Title>
        {q.type === "pulse" && (
          <Badge variant="light" color="gray">
            Pulse
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {peopleText(q.respondents)} answered
      </Text>
      {q.type === "blocker" && props.blockers.length > 0 ? (
        <BlockerList blockers={props.blockers} leadOf={props.leadOf} />
      ) : (
        <Summary question={q} options={props.options} />
      )}
    </Stack>
  );
}

function Summary({ question: q, options }: { question: DigestQuestion; options: string[] | null }) {
  if (q.withheld)
    return (
      <Text size="sm">
        <LockNote>{q.withheld}</LockNote>
      </Text>
    );
  if (q.type === "text" || q.type === "blocker") {
    if (!q.answers?.length)
      return (
        <Text size="sm" c="dimmed">
          {q.type === "blocker" ? "Nobody is blocked." : "No answers."}
        </Text>
      );
    return (
      <List spacing={4} size="sm">
        {q.answers.map((a) => (
          <List.Item key={`${a.person.id}-${a.text}`}>
            <Text span fw={600} inherit>
              {a.person.name}
            </Text>
            {a.late ? " (late)" : ""}: {a.text}
          </List.Item>
        ))}
      </List>
    );
  }
  if (q.type === "yes_no") return <Text size="sm">{yesNoText(q)}</Text>;
  return (
    <Stack gap="xs">
      {q.type === "pulse" && (
        <Text size="xs" c="dimmed">
          <LockNote>Shown only as a team total: nobody sees anyone's own answer.</LockNote>
        </Text>
      )}
      {q.average !== undefined && <Text size="sm">Average {averageText(q.average)} out of 5</Text>}
      {q.distribution && (
        <DistributionBars distribution={q.distribution} options={options} label={`Answers to: ${q.prompt}`} />
      )}
      {q.comments && q.comments.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            Comments (without names)
          </Text>
          <List spacing={2} size="sm">
            {q.comments.map((c, i) => (
              // Comments carry no id and may repeat: their place is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <List.Item key={i}>{c}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
