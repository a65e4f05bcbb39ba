import { AspectRatio, Skeleton } from "@mantine/core";
import { Suspense } from "react";
import { VideoPlayer } from "../../recordings";
import type { ThreadContext } from "./context";
import { commentMarks } from "./thread-text";

/** A video update's recording above its words, with its timed comments along the timeline. */
export function VideoSection(ctx: ThreadContext) {
  const { recording } = ctx.update;
  if (!recording) return null;
  return (
    <section aria-label="The video">
      <Suspense
        fallback={
          <AspectRatio ratio={16 / 9}>
            <Skeleton aria-label="Loading the video player" />
          </AspectRatio>
        }
      >
        <VideoPlayer recording={recording} marks={commentMarks(ctx.update.comments)} />
      </Suspense>
    </section>
  );
}
