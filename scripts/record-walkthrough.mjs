// Dev only: records the demo's walkthrough video (src/server/modules/demo/assets/walkthrough.webm)
// with Chromium's fake camera and microphone — 4 s of 320×240 VP8 + Opus from MediaRecorder, as a
// person's browser would send it. Run: node scripts/record-walkthrough.mjs [out.webm]
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ensureChromium } from "./ensure-chromium.mjs";

const out = process.argv[2] ?? "src/server/modules/demo/assets/walkthrough.webm";
const SECONDS = 4;

const profile = await mkdtemp(join(tmpdir(), "tandem-record-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: ensureChromium(),
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    "--autoplay-policy=no-user-gesture-required",
  ],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  // getUserMedia needs a secure origin: localhost counts, and the page is answered here, no server.
  await page.route("http://localhost/", (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Recording</title>" }),
  );
  await page.goto("http://localhost/");
  const base64 = await page.evaluate(async (seconds) => {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { width: 320, height: 240, frameRate: 15 },
      audio: true,
    });
    const recorder = new MediaRecorder(stream, {
      mimeType: "video/webm;codecs=vp8,opus",
      videoBitsPerSecond: 150_000,
      audioBitsPerSecond: 32_000,
    });
    const parts = [];
    recorder.ondataavailable = (e) => parts.push(e.data);
    const stopped = new Promise((resolve) => {
      recorder.onstop = resolve;
    });
    recorder.start(1000);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    recorder.stop();
    await stopped;
    for (const track of stream.getTracks()) track.stop();
    const bytes = new Uint8Array(await new Blob(parts).arrayBuffer());
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  }, SECONDS);
  const bytes = Buffer.from(base64, "base64");
  await writeFile(out, bytes);
  console.log(`${out}: ${bytes.length} bytes`);
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
