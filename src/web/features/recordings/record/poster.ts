/** A poster frame and a duration, read in the browser from a video (the server has no video tools). */

function loaded(video: HTMLVideoElement, event: "loadeddata" | "loadedmetadata" | "seeked", ms: number) {
  return new Promise<boolean>((resolve) => {
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      video.removeEventListener(event, onEvent);
      video.removeEventListener("error", onError);
      resolve(ok);
    };
    const onEvent = () => finish(true);
    const onError = () => finish(false);
    const timer = setTimeout(() => finish(false), ms);
    video.addEventListener(event, onEvent);
    video.addEventListener("error", onError);
  });
}

function videoOf(src: string, preload: "auto" | "metadata"): HTMLVideoElement {
  const video = document.createElement("video");
  video.muted = true;
  video.playsInline = true;
  video.preload = preload;
  video.src = src;
  return video;
}

/**
 * A JPEG of the frame at about one second (the middle of a shorter video), at most 1280 px wide;
 * null when the browser cannot decode or seek the video in time (the update then shows no poster).
 */
export async function posterFrom(
  src: string,
  durationMs: number | null,
  timeoutMs = 10_000,
): Promise<Blob | null> {
  const video = videoOf(src, "auto");
  try {
    if (!(await loaded(video, "loadeddata", timeoutMs))) return null;
    const at = durationMs !== null && durationMs < 2000 ? durationMs / 2000 : 1;
    if (at > 0) {
      const seeked = loaded(video, "seeked", timeoutMs);
      video.currentTime = at;
      await seeked; // Not seekable in time: the first frame will do.
    }
    if (!video.videoWidth) return null;
    const canvas = document.createElement("canvas");
    const scale = Math.min(1, 1280 / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    canvas.getContext("2d")?.drawImage(video, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.8));
  } catch {
    return null;
  } finally {
    video.removeAttribute("src");
    video.load();
  }
}

/** A video file's length from its metadata, or null when the file does not say (or is not a video). */
export async function durationOf(src: string, timeoutMs = 10_000): Promise<number | null> {
  const video = videoOf(src, "metadata");
  try {
    if (!(await loaded(video, "loadedmetadata", timeoutMs))) return null;
    return Number.isFinite(video.duration) ? Math.round(video.duration * 1000) : null;
  } finally {
    video.removeAttribute("src");
    video.load();
  }
}
