import { Grid, Paper, Stack } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import { Loading } from "../../components/Loading";
import { ServerHtml } from "../../components/MarkdownPreview";
import { ApiError } from "../../lib/api";
import { useNow } from "../../lib/now";
import { usePeople } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { PlaybackProvider } from "../recordings";
import { useUpdate } from "./api";
import { AcknowledgementsCard } from "./thread/AcknowledgementsCard";
import { AuthorActions } from "./thread/AuthorActions";
import { useMarkSeen } from "./thread/api";
import { CommentsSection } from "./thread/CommentsSection";
import type { ThreadContext } from "./thread/context";
import { DecisionCard } from "./thread/DecisionCard";
import { EditUpdateForm } from "./thread/EditUpdateForm";
import { UpdateNotFound } from "./thread/NotFound";
import { ProposalCard } from "./thread/ProposalCard";
import { ReactionsBar } from "./thread/ReactionsBar";
import { RespondersCard } from "./thread/RespondersCard";
import { StalledBanner } from "./thread/StalledBanner";
import { ThreadHeader } from "./thread/ThreadHeader";
import { threadNamer } from "./thread/thread-text";
import { VideoSection } from "./thread/VideoSection";

/**
 * One update and its thread (`/updates/:id`): the text, reactions, "Got it", required responders,
 * a proposal's answers and decision, the stalled banner with its escalation, comments. Others'
 * changes arrive through the `update.changed` live event (app/live-refresh.ts).
 */
export function UpdatePage() {
  const { id = "" } = useParams();
  const viewer = useViewer();
  const update = useUpdate(id);
  const people = usePeople();
  const now = useNow();
  const [editing, setEditing] = useState(false);
  useMarkSeen(id, update.isSuccess);
  if (update.error instanceof ApiError && update.error.status === 404) return <UpdateNotFound />;
  if (!update.data) return <Loading error={update.error} />;
  const u = update.data.update;
  const ctx: ThreadContext = {
    update: u,
    viewerId: viewer.person.id,
    zone: viewer.zone,
    author: u.authorId === viewer.person.id,
    now,
    nameOf: threadNamer(u, people.data),
  };
  // A video's player is shared with the comments: "At 0:42" on the form, time links that seek it.
  const page = (
    <Stack>
      <ThreadHeader {...ctx} />
      <StalledBanner {...ctx} />
      {u.decision && <DecisionCard {...ctx} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <VideoSection {...ctx} />
            {editing ? (
              <EditUpdateForm {...ctx} onClose={() => setEditing(false)} />
            ) : (
              (u.kind !== "video" || u.body.trim() !== "") && (
                <Paper withBorder p="md" component="article" aria-label="The update">
                  <ServerHtml html={u.html} />
                </Paper>
              )
            )}
            <ReactionsBar {...ctx} />
            {u.kind === "proposal" && <ProposalCard {...ctx} />}
            {!u.decision && <DecisionCard {...ctx} />}
            <CommentsSection {...ctx} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <AuthorActions {...ctx} editing={editing} onEdit={() => setEditing(true)} />
            <RespondersCard {...ctx} />
            <AcknowledgementsCard {...ctx} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
  return u.recording ? <PlaybackProvider>{page}</PlaybackProvider> : page;
}
