import { Anchor, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { audienceText } from "../../../lib/audience";
import { formatDateTime } from "../../../lib/time";
import { KIND_LABELS } from "../feed/item-text";
import type { ThreadContext } from "./context";
import { URGENCY_LABELS } from "./thread-text";
import { VersionHistory } from "./VersionHistory";

/** Title, kind, state, who wrote it for whom and when, edits with their history, links. */
export function ThreadHeader(ctx: ThreadContext) {
  const { update: u, zone } = ctx;
  const urgency = URGENCY_LABELS[u.urgency];
  return (
    <Stack gap="xs">
      <Anchor component={Link} to="/updates" size="sm">
        ← Updates
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          {u.title}
        </Title>
        <Badge variant="light">{KIND_LABELS[u.kind]}</Badge>
        {u.urgency !== "normal" && (
          <Badge color={urgency.color} variant={u.urgency === "urgent" ? "filled" : "outline"}>
            {urgency.label}
          </Badge>
        )}
        {u.closedAt && (
          <Badge color="green" variant="light">
            Closed
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        By {u.authorName}
        {u.authorId === ctx.viewerId && " (you)"} · to{" "}
        {audienceText(u.audience, "Nobody", Number.POSITIVE_INFINITY)} · posted{" "}
        {formatDateTime(u.createdAt, zone)}
        {u.decisionDue && ` · decision due ${formatDateTime(u.decisionDue, zone)}`}
      </Text>
      {u.editedAt && <VersionHistory {...ctx} />}
      <ThreadLinks {...ctx} />
    </Stack>
  );
}

/** The meeting it came from or led to, and the meetings and documents it links. */
function ThreadLinks({ update: u }: ThreadContext) {
  if (!u.meetingId && u.links.length === 0) return null;
  return (
    <Group gap="md">
      {u.meetingId && (
        <Anchor component={Link} to={`/meetings/${u.meetingId}`} size="sm">
          {u.kind === "recap" ? "The meeting this recaps" : "The meeting this thread was escalated to"}
        </Anchor>
      )}
      {u.links.map((l) =>
        l.type === "meeting" ? (
          <Anchor key={`${l.type}-${l.id}`} component={Link} to={`/meetings/${l.id}`} size="sm">
            Meeting: {l.title}
          </Anchor>
        ) : (
          <Text key={`${l.type}-${l.id}`} size="sm">
            Document: {l.title}
          </Text>
        ),
      )}
    </Group>
  );
}
