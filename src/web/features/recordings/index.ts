/** The recordings feature's door. */
import { lazyPage } from "../../lib/lazy-page";

/** "Record a video update" (`/updates/record`): record or upload, then post it as an update. */
export const RecordVideoPage = lazyPage(() => import("./RecordVideoPage"), "RecordVideoPage");

// ── The player (helper D2): its own chunk, so no page carries it until a video is shown.
export { VideoPlayer } from "./player/lazy";
export { type Playback, PlaybackProvider, usePlayback } from "./player/playback";
export type { TimelineMark } from "./player/timeline";
export type { VideoPlayerProps } from "./player/VideoPlayer";
