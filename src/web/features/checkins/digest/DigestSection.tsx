import { Alert, Anchor, Badge, Group, Progress, Select, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { CheckinView, DigestView } from "../../../../contracts/checkins";
import { formatDate } from "../../../lib/time";
import { BlockerList } from "./BlockerList";
import { QuestionSummary } from "./QuestionSummary";
import { notAnsweredText, participationText } from "./text";

/**
 * One local date's digest: participation, each question's summary, blockers, who has not answered
 * (only when the server sends it: to those who run the ritual) and, once closed, the posted update.
 */
export function DigestSection(props: {
  checkin: CheckinView;
  digest: DigestView;
  /** Whether the viewer leads the ritual's team (they may resolve its blockers). */
  leadOf: boolean;
  onPickDate(date: string): void;
}) {
  const { checkin, digest } = props;
  const optionsOf = new Map(checkin.questions.map((q) => [q.id, q.options]));
  const hasBlockerQuestion = digest.questions.some((q) => q.type === "blocker");
  const dates = digest.dates.includes(digest.localDate) ? digest.dates : [digest.localDate, ...digest.dates];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Select
          label="Day"
          description="Each person's own local date"
          data={dates.map((d) => ({ value: d, label: formatDate(d) }))}
          value={digest.localDate}
          onChange={(value) => value && props.onPickDate(value)}
          allowDeselect={false}
          w={220}
        />
        <Badge variant="light" color={digest.closed ? "green" : "blue"} size="lg">
          {digest.closed ? "Closed" : "Still open"}
        </Badge>
      </Group>
      <Stack gap={4}>
        <Text fw={600}>{participationText(digest.answered, digest.participants)}</Text>
        <Progress
          value={digest.participants ? (digest.answered / digest.participants) * 100 : 0}
          aria-hidden="true"
        />
        {digest.notAnswered && digest.notAnswered.length > 0 && (
          <Text size="sm" c="dimmed">
            {notAnsweredText(digest.notAnswered)} (only you and others who run this check-in see this)
          </Text>
        )}
      </Stack>
      {digest.closed && digest.updateId && (
        <Alert variant="light" color="green" title="Posted to the feed">
          The digest for {formatDate(digest.localDate)} was posted as an update.{" "}
          <Anchor component={Link} to={`/updates/${digest.updateId}`} inherit underline="always">
            Open the digest update
          </Anchor>
        </Alert>
      )}
      {!digest.closed && (
        <Text size="sm" c="dimmed">
          Answers come in until every participant's window has closed; then the digest is posted to the feed.
        </Text>
      )}
      {digest.questions.map((q, i) => (
        <QuestionSummary
          key={q.id}
          question={q}
          index={i}
          options={optionsOf.get(q.id) ?? null}
          blockers={digest.blockers}
          leadOf={props.leadOf}
        />
      ))}
      {!hasBlockerQuestion && digest.blockers.length > 0 && (
        <Stack gap="xs">
          <Title order={4} size="h5">
            Blockers
          </Title>
          <BlockerList blockers={digest.blockers} leadOf={props.leadOf} />
        </Stack>
      )}
    </Stack>
  );
}
