/** What can be recorded, and the stream each source gives the recorder. */
export const SOURCES = ["camera", "screen", "screen-camera"] as const;
export type Source = (typeof SOURCES)[number];

export const SOURCE_LABELS: Record<Source, string> = {
  camera: "Camera",
  screen: "Screen",
  "screen-camera": "Screen with the camera in a corner",
};

/** Chromium's WebM first, Safari's MP4 last; the first the browser can record. */
export const MIME_CANDIDATES = [
  "video/webm;codecs=vp9,opus",
  "video/webm;codecs=vp8,opus",
  "video/webm",
  "video/mp4",
] as const;

export function pickMimeType(isSupported: (type: string) => boolean): string | null {
  return MIME_CANDIDATES.find((type) => isSupported(type)) ?? null;
}

/** A stream being captured; `stop` releases the camera, screen and microphone. */
export interface Capture {
  stream: MediaStream;
  /** Called when the browser ends the capture itself (its "Stop sharing" button). */
  onEnded(run: () => void): void;
  stop(): void;
}

const devices = () => {
  if (!navigator.mediaDevices)
    throw new Error("This browser cannot record here (it needs a secure, https page).");
  return navigator.mediaDevices;
};

async function camera(size: { width: number; height: number }, audio: boolean): Promise<MediaStream> {
  try {
    return await devices().getUserMedia({ video: size, audio });
  } catch (error) {
    // No microphone: record the picture alone rather than nothing.
    if (audio && (error as DOMException).name === "NotFoundError")
      return devices().getUserMedia({ video: size, audio: false });
    throw error;
  }
}

/** The microphone's track, or none when there is no microphone or it was refused. */
async function microphone(): Promise<MediaStreamTrack[]> {
  try {
    return (await devices().getUserMedia({ audio: true })).getAudioTracks();
  } catch {
    return [];
  }
}

function capture(stream: MediaStream, sources: MediaStream[], extraStop: () => void = () => {}): Capture {
  const ended: (() => void)[] = [];
  const video = sources.flatMap((s) => s.getVideoTracks());
  for (const track of video)
    track.addEventListener(
      "ended",
      () => {
        for (const run of ended) run();
      },
      { once: true },
    );
  return {
    stream,
    onEnded: (run) => ended.push(run),
    stop() {
      extraStop();
      for (const source of [stream, ...sources]) for (const track of source.getTracks()) track.stop();
    },
  };
}

function playing(stream: MediaStream): HTMLVideoElement {
  const video = document.createElement("video");
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  void video.play();
  return video;
}

/**
 * The screen drawn with the camera in its bottom-right corner, about 30 times a second, onto a canvas
 * whose stream is recorded with the microphone. (A timer, not animation frames: those stop when the
 * tab is hidden, which is when someone shows another window.)
 */
async function screenWithCamera(): Promise<Capture> {
  const screen = await devices().getDisplayMedia({ video: { frameRate: 30 }, audio: false });
  let face: MediaStream;
  try {
    face = await camera({ width: 320, height: 240 }, false);
  } catch (error) {
    for (const track of screen.getTracks()) track.stop();
    throw error;
  }
  const settings = screen.getVideoTracks()[0]?.getSettings() ?? {};
  const canvas = document.createElement("canvas");
  canvas.width = Math.min(settings.width ?? 1280, 1920);
  canvas.height = Math.round(canvas.width * ((settings.height ?? 720) / (settings.width ?? 1280)));
  const context = canvas.getContext("2d");
  const [screenVideo, faceVideo] = [playing(screen), playing(face)];
  const draw = () => {
    if (!context) return;
    context.drawImage(screenVideo, 0, 0, canvas.width, canvas.height);
    const w = Math.round(canvas.width * 0.22);
    const h = Math.round(w * ((faceVideo.videoHeight || 3) / (faceVideo.videoWidth || 4)));
    const margin = Math.round(canvas.width * 0.02);
    context.drawImage(faceVideo, canvas.width - w - margin, canvas.height - h - margin, w, h);
  };
  const timer = setInterval(draw, 1000 / 30);
  const stream = canvas.captureStream(30);
  for (const track of await microphone()) stream.addTrack(track);
  return capture(stream, [screen, face], () => clearInterval(timer));
}

/** Asks the browser for the source (it shows its own permission prompts) and answers what to record. */
export async function captureSource(source: Source): Promise<Capture> {
  if (source === "camera") {
    const stream = await camera({ width: 1280, height: 720 }, true);
    return capture(stream, []);
  }
  if (source === "screen") {
    const screen = await devices().getDisplayMedia({ video: { frameRate: 30 }, audio: false });
    const stream = new MediaStream([...screen.getVideoTracks(), ...(await microphone())]);
    return capture(stream, [screen]);
  }
  return screenWithCamera();
}

/** Why the browser refused, in words that say what to do. */
export function captureErrorText(error: unknown): string {
  const name = (error as DOMException | undefined)?.name;
  if (name === "NotAllowedError")
    return "The browser was not allowed to use the camera, microphone or screen. Allow it in the address bar's site settings, then try again.";
  if (name === "NotFoundError") return "No camera was found. Connect one, or record your screen instead.";
  if (name === "NotReadableError")
    return "The camera is in use by another program. Close it there, then try again.";
  return error instanceof Error && error.message
    ? error.message
    : "The recording could not start. Try again.";
}
