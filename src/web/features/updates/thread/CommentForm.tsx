import { Button, Group, Stack, Switch, Textarea } from "@mantine/core";
import { type KeyboardEvent, useState } from "react";
import { FormError } from "../../../components/FormError";
import { MarkdownPreview } from "../../../components/MarkdownPreview";
import { fieldErrors, submitWith } from "../../../lib/action";
import { formatDuration } from "../../../lib/duration";
import { usePlayback } from "../../recordings";
import { useThreadAction } from "./api";

/**
 * A markdown comment (or a reply to `parentId`); Ctrl/Cmd+Enter posts; what was typed stays on a
 * refusal. Beside a video, a comment may point at the player's current moment ("At 0:42").
 */
export function CommentForm(props: { updateId: string; parentId?: string; onPosted?: () => void }) {
  const reply = props.parentId !== undefined;
  const [body, setBody] = useState("");
  const playback = usePlayback();
  const [timed, setTimed] = useState(false);
  const atMs = !reply && timed ? (playback?.currentMs ?? null) : null;
  const post = useThreadAction(
    (input: { body: string; parentId?: string; atMs?: number }) => ({
      method: "POST",
      path: `/updates/${props.updateId}/comments`,
      body: input,
    }),
    {
      onDone: () => {
        setBody("");
        setTimed(false);
        props.onPosted?.();
      },
    },
  );
  const send = () => {
    if (body.trim() === "" || post.isPending) return;
    post.mutate({
      body,
      ...(props.parentId ? { parentId: props.parentId } : {}),
      ...(atMs !== null ? { atMs } : {}),
    });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      send();
    }
  };
  return (
    <form aria-label={reply ? "Write a reply" : "Write a comment"} onSubmit={submitWith(send)}>
      <Stack gap="xs">
        <Textarea
          label={reply ? "Reply" : "Comment"}
          description="Markdown; @Name mentions someone. Ctrl+Enter (⌘+Enter) posts."
          autosize
          minRows={reply ? 1 : 2}
          maxRows={16}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          error={fieldErrors(post.error).body}
        />
        {!reply && playback && playback.currentMs !== null && (
          <Switch
            label={`At ${formatDuration(playback.currentMs)}`}
            description="Pin the comment to this moment of the video; play or pause the video to change it."
            checked={timed}
            onChange={(e) => setTimed(e.currentTarget.checked)}
            error={fieldErrors(post.error).atMs}
          />
        )}
        {body.trim() !== "" && (
          <MarkdownPreview
            source={body}
            label={reply ? "Preview of your reply" : "Preview of your comment"}
          />
        )}
        <Group justify="flex-end" gap="xs">
          {reply && props.onPosted && (
            <Button variant="default" onClick={props.onPosted}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={post.isPending} disabled={body.trim() === ""}>
            {reply ? "Post reply" : "Post comment"}
          </Button>
        </Group>
        <FormError error={post.error} />
      </Stack>
    </form>
  );
}
