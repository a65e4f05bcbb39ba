import type { PosterType, VideoType } from "../../contracts/recordings";

/** How many leading bytes the sniffers need. */
export const SNIFF_BYTES = 64;

/** The video container these bytes begin (WebM, MP4, QuickTime), or null: never from a file's name. */
export function sniffVideo(_head: Uint8Array): VideoType | null {
  throw new Error("not built yet");
}

/** The image type of a poster frame (JPEG, PNG, WebP), or null. */
export function sniffImage(_head: Uint8Array): PosterType | null {
  throw new Error("not built yet");
}
