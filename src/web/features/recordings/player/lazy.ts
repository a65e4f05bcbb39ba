import { type ComponentType, lazy } from "react";
import type { VideoPlayerProps } from "./VideoPlayer";

/**
 * The player, loaded on first render (wrap it in a Suspense). In a module of its own, so the entry,
 * which imports the recordings door for its page, carries not even this loader.
 */
export const VideoPlayer: ComponentType<VideoPlayerProps> = lazy(async () => ({
  default: (await import("./VideoPlayer")).VideoPlayer,
}));
