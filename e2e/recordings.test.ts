import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, setUpThroughApi } from "./support/api";
import { type E2E, startE2E } from "./support/browser";
import { checkPage, PRIYA } from "./support/flows";

const priya = PRIYA;

/** The recorded time the page shows ("0:05"), in seconds. */
async function recordedSeconds(page: Page): Promise<number> {
  const text = (await page.getByRole("timer", { name: "Recorded time" }).textContent()) ?? "";
  const [m = "0", s = "0"] = text.split(":");
  return Number(m) * 60 + Number(s);
}

/** The thread page's video element: its position, whether it can show a frame. */
const videoState = (page: Page) =>
  page.locator("video").evaluate((v: HTMLVideoElement) => ({
    readyState: v.readyState,
    currentTime: v.currentTime,
    paused: v.paused,
  }));

/** Records the fake camera on /updates/record until the timer reads `seconds`; answers the recording's id. */
async function recordCamera(page: Page, baseUrl: string, seconds: number): Promise<string> {
  await page.goto(`${baseUrl}/updates/record`);
  await page.getByRole("heading", { name: "Record a video update", level: 1 }).waitFor();
  await page.getByRole("radio", { name: "Camera", exact: true }).check();
  const created = page.waitForResponse(
    (r) => r.url().endsWith("/api/v1/recordings") && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Start recording" }).click();
  const { recording } = (await (await created).json()) as { recording: { id: string } };
  // The countdown, then the timer runs; the first chunks go up while recording goes on.
  await page.getByRole("timer", { name: "Recorded time" }).waitFor();
  await page.getByRole("button", { name: "Pause" }).waitFor();
  // Chromium encodes the video in software: on a busy machine the seconds come slowly.
  await expect.poll(() => recordedSeconds(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(seconds);
  return recording.id;
}

/**
 * Issue 14 in a browser with Chromium's fake camera: a 5-second recording uploaded while it records,
 * posted as an update, played back, commented on at 0:02 and sought to by clicking the comment's mark;
 * and a recording interrupted by a reload, finished from the browser's copy.
 */
describe("video updates in a browser", () => {
  let e2e: E2E;
  const errors: string[] = [];
  beforeAll(async () => {
    e2e = await startE2E();
    const { page, baseUrl } = e2e;
    await setUpThroughApi(page.request, baseUrl, priya);
    page.setDefaultTimeout(20_000);
    page.on("pageerror", (e) => errors.push(String(e)));
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it("records 5 s, posts it, plays it back, comments at 0:02 and seeks there from the comment's mark", async () => {
    const { page, baseUrl } = e2e;
    const id = await recordCamera(page, baseUrl, 5);
    await expect.poll(() => page.getByText(/^Uploaded \d+ of \d+ parts/).count()).toBe(1);
    await checkPage(page, "recording");
    await page.getByRole("button", { name: "Stop" }).click();

    // Completed on the server, with a poster frame made in the browser; then the post form.
    const form = page.getByRole("form", { name: "Post the video" });
    await form.waitFor();
    const { recording } = await apiCall<{
      recording: { status: string; durationMs: number; posterUrl: string };
    }>(page.request, baseUrl, "GET", `/recordings/${id}`);
    expect(recording.status).toBe("ready");
    expect(recording.durationMs).toBeGreaterThanOrEqual(5000);
    expect(recording.durationMs).toBeLessThan(20_000);
    const poster = await page.request.get(`${baseUrl}/api/v1/recordings/${id}/poster`);
    expect(poster.status()).toBe(200);
    expect(poster.headers()["content-type"]).toBe("image/jpeg");
    await checkPage(page, "recording-post-form");

    await form.getByRole("textbox", { name: "Title" }).fill("Walkthrough of the new onboarding");
    await form.getByRole("radio", { name: "Whole organisation" }).check();
    await form.getByRole("textbox", { name: "Message" }).fill("Five seconds of the plan.");
    await form.getByRole("button", { name: "Post" }).click();

    // The update's page: the video plays.
    await page.getByRole("heading", { name: "Walkthrough of the new onboarding", level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/updates\/[0-9a-f-]{36}$/);
    const video = page.locator("video");
    await expect.poll(async () => (await videoState(page)).readyState).toBeGreaterThanOrEqual(2);
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await expect.poll(async () => (await videoState(page)).currentTime).toBeGreaterThan(0.3);

    // Paused at 0:02 (the native controls' seek, done through the element), a comment pinned there.
    await video.evaluate(async (v: HTMLVideoElement) => {
      v.pause();
      v.currentTime = 2;
      await new Promise((resolve) => v.addEventListener("seeked", resolve, { once: true }));
    });
    expect(Math.abs((await videoState(page)).currentTime - 2)).toBeLessThan(0.5);
    const pin = page.getByRole("switch", { name: "At 0:02" });
    await pin.waitFor();
    await pin.check();
    await page.getByRole("textbox", { name: /^Comment/ }).fill("This step needs a screenshot.");
    await page.getByRole("button", { name: /^(Comment|Post comment)$/ }).click();
    const mark = page.getByRole("button", { name: `Comment by ${priya.name} at 0:02` });
    await mark.waitFor();

    // Elsewhere in the video, then the mark: back to 0:02.
    await video.evaluate(async (v: HTMLVideoElement) => {
      v.currentTime = 4;
      await new Promise((resolve) => v.addEventListener("seeked", resolve, { once: true }));
    });
    await mark.click();
    await expect.poll(async () => Math.abs((await videoState(page)).currentTime - 2)).toBeLessThan(0.5);
    // It really went there: it plays on from 0:02 (a file the browser cannot seek would restart at 0).
    await expect.poll(async () => (await videoState(page)).currentTime).toBeGreaterThan(2.3);
    expect((await videoState(page)).currentTime).toBeLessThan(5);
    await checkPage(page, "video-update");
    expect(errors).toEqual([]);
  }, 240_000);

  it("finishes a recording interrupted by a reload from what the browser kept", async () => {
    const { page, baseUrl } = e2e;
    const id = await recordCamera(page, baseUrl, 3);
    await page.reload();
    await page.getByRole("heading", { name: "Record a video update", level: 1 }).waitFor();
    await page.getByText(/^Your recording from .* is kept in this browser/).waitFor();
    await checkPage(page, "recording-resume-offer");
    await page.getByRole("button", { name: /^Finish uploading your recording from / }).click();
    await page.getByRole("form", { name: "Post the video" }).waitFor();
    const { recording } = await apiCall<{ recording: { status: string; durationMs: number } }>(
      page.request,
      baseUrl,
      "GET",
      `/recordings/${id}`,
    );
    expect(recording.status).toBe("ready");
    expect(recording.durationMs).toBeGreaterThanOrEqual(2000);
    // Nothing is offered again: the browser's copy went once the recording was complete.
    await page.reload();
    await page.getByRole("button", { name: "Start recording" }).waitFor();
    expect(await page.getByText(/^Your recording from /).count()).toBe(0);
    expect(errors).toEqual([]);
  }, 180_000);

  it("discards an interrupted recording, in the browser and on the server", async () => {
    const { page, baseUrl } = e2e;
    const id = await recordCamera(page, baseUrl, 2);
    await page.reload();
    await page.getByText(/^Your recording from .* is kept in this browser/).waitFor();
    await page.getByRole("button", { name: "Discard", exact: true }).click();
    await page.getByRole("button", { name: "Discard recording" }).click();
    await page.getByRole("button", { name: "Start recording" }).waitFor();
    // The offer goes once the server and the browser have both let the recording go.
    await expect.poll(() => page.getByText(/^Your recording from /).count()).toBe(0);
    const gone = await page.request.get(`${baseUrl}/api/v1/recordings/${id}`);
    expect(gone.status()).toBe(404);
    await page.reload();
    await page.getByRole("button", { name: "Start recording" }).waitFor();
    expect(await page.getByText(/^Your recording from /).count()).toBe(0);
    expect(errors).toEqual([]);
  }, 180_000);

  it("uploads a video file (with a poster frame), and says what to do with a file that is not a video", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/updates/record`);
    await page.getByText("Upload a video file", { exact: true }).click();
    const input = page.locator('input[type="file"]');

    // Text named like a video: refused by its contents, in words.
    await input.setInputFiles({
      name: "notes.webm",
      mimeType: "video/webm",
      buffer: Buffer.from("not a video at all"),
    });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.getByText(/^This file is not a video Tandem can keep/).waitFor();

    const webm = await readFile("src/server/modules/demo/assets/walkthrough.webm");
    await input.setInputFiles({ name: "walkthrough.webm", mimeType: "video/webm", buffer: webm });
    const uploaded = page.waitForResponse((r) => r.url().endsWith("/api/v1/recordings/upload"));
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    const { recording } = (await (await uploaded).json()) as { recording: { id: string; status: string } };
    expect(recording.status).toBe("ready");
    await page.getByRole("form", { name: "Post the video" }).waitFor();
    expect((await page.request.get(`${baseUrl}/api/v1/recordings/${recording.id}/poster`)).status()).toBe(
      200,
    );
    expect(errors).toEqual([]);
  }, 120_000);
});
