import { Anchor, Badge, Box, Card, Center, Group, Image, Stack, Text, VisuallyHidden } from "@mantine/core";
import { Link } from "react-router";
import type { UpdateSummaryView } from "../../../../contracts/updates";
import { audienceText } from "../../../lib/audience";
import { formatDateTime } from "../../../lib/time";
import { KIND_LABELS, myReplyBy, videoLine } from "./item-text";

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** One update in the feed: kind, title, who wrote it for whom and when, the excerpt, what is asked of me. */
export function UpdateItem(props: {
  update: UpdateSummaryView;
  viewerId: string;
  zone: string;
  now: number;
}) {
  const { update, zone } = props;
  const reply = myReplyBy(update, props.viewerId, zone, props.now);
  return (
    <Card component="li" withBorder padding="sm">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {update.recording && <VideoThumb recording={update.recording} />}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light">{KIND_LABELS[update.kind]}</Badge>
            {update.urgency === "urgent" && <Badge color="red.9">Urgent</Badge>}
            {update.unread && (
              <Badge color="blue.9" variant="filled">
                New<VisuallyHidden> (you have not opened it yet)</VisuallyHidden>
              </Badge>
            )}
            {update.closedAt && (
              <Badge color="gray" variant="outline">
                Closed
              </Badge>
            )}
            <Anchor component={Link} to={`/updates/${update.id}`} fw={update.unread ? 700 : 500}>
              {update.title}
            </Anchor>
          </Group>
          {update.recording && (
            <Text size="xs" fw={500}>
              {videoLine(update.recording)}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {update.authorName} to {audienceText(update.audience, "Nobody")} ·{" "}
            <time dateTime={update.createdAt}>{formatDateTime(update.createdAt, zone)}</time>
            {update.editedAt ? " · edited" : ""}
          </Text>
          {update.excerpt && (
            <Text size="sm" lineClamp={2}>
              {update.excerpt}
            </Text>
          )}
          <Group gap="md" wrap="wrap">
            <Text size="xs" c="dimmed">
              {plural(update.commentCount, "comment")}
            </Text>
            {update.kind === "proposal" && update.decisionDue && !update.closedAt && (
              <Text size="xs" c="dimmed">
                Decision due {formatDateTime(update.decisionDue, zone)}
              </Text>
            )}
            {reply && (
              <Text size="xs" fw={600} c={reply.overdue ? "red.8" : undefined}>
                {reply.text}
              </Text>
            )}
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

/** A video's poster frame, small, or a play sign when it has none (or its file was deleted). */
function VideoThumb({ recording }: { recording: NonNullable<UpdateSummaryView["recording"]> }) {
  const size = { w: 96, h: 54 };
  if (recording.posterUrl && recording.status === "ready")
    return <Image src={recording.posterUrl} alt="" {...size} radius="sm" fit="cover" loading="lazy" />;
  return (
    <Box
      {...size}
      bg="var(--mantine-color-default-hover)"
      style={{ borderRadius: 4, flexShrink: 0 }}
      aria-hidden
    >
      <Center h="100%">
        <Text size="lg" c="dimmed">
          ▶
        </Text>
      </Center>
    </Box>
  );
}
