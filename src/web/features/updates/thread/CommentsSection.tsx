import { Anchor, Box, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { EmptyHint } from "../../../components/EmptyHint";
import { ServerHtml } from "../../../components/MarkdownPreview";
import { SectionCard } from "../../../components/SectionCard";
import { formatDuration } from "../../../lib/duration";
import { formatDateTime } from "../../../lib/time";
import { usePlayback } from "../../recordings";
import type { CommentView } from "../api";
import { CommentForm } from "./CommentForm";
import type { ThreadContext } from "./context";
import { commentThreads } from "./thread-text";

/** The discussion: top-level comments oldest first, each with one level of replies. */
export function CommentsSection(ctx: ThreadContext) {
  const { update: u } = ctx;
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const threads = commentThreads(u.comments);
  return (
    <SectionCard id="comments" title={`Comments (${u.comments.length})`}>
      {threads.length === 0 ? (
        <EmptyHint title="No comments yet">
          Ask a question or add what you know; people answer in their own working hours.
        </EmptyHint>
      ) : (
        <Stack gap="md">
          {threads.map(({ comment, replies }) => (
            <Stack key={comment.id} gap="xs">
              <Comment comment={comment} ctx={ctx} />
              <Box
                pl="lg"
                style={
                  replies.length > 0
                    ? { borderLeft: "2px solid var(--mantine-color-default-border)" }
                    : undefined
                }
              >
                <Stack gap="xs">
                  {replies.map((r) => (
                    <Comment key={r.id} comment={r} ctx={ctx} />
                  ))}
                  {replyTo === comment.id ? (
                    <CommentForm updateId={u.id} parentId={comment.id} onPosted={() => setReplyTo(null)} />
                  ) : (
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      style={{ alignSelf: "flex-start" }}
                      onClick={() => setReplyTo(comment.id)}
                      aria-label={`Reply to ${comment.authorName}`}
                    >
                      Reply
                    </Anchor>
                  )}
                </Stack>
              </Box>
            </Stack>
          ))}
        </Stack>
      )}
      <CommentForm updateId={u.id} />
    </SectionCard>
  );
}

function Comment({ comment: c, ctx }: { comment: CommentView; ctx: ThreadContext }) {
  return (
    <Box component="article" aria-label={`Comment by ${c.authorName}`}>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {c.authorName}
          {c.authorId === ctx.viewerId && " (you)"}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(c.createdAt, ctx.zone)}
        </Text>
        {c.atMs !== null && <MomentLink atMs={c.atMs} />}
      </Group>
      <ServerHtml html={c.html} />
    </Box>
  );
}

/** The moment of the video a comment points at: a link that plays from there, or the time alone without a player. */
function MomentLink({ atMs }: { atMs: number }) {
  const playback = usePlayback();
  const time = formatDuration(atMs);
  if (!playback || playback.currentMs === null)
    return (
      <Text size="xs" c="dimmed">
        at {time} in the video
      </Text>
    );
  return (
    <Anchor
      component="button"
      type="button"
      size="xs"
      onClick={() => playback.seek(atMs)}
      aria-label={`Play the video from ${time}`}
    >
      {time}
    </Anchor>
  );
}
