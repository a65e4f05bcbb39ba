import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, setUpThroughApi } from "./support/api";
import { type E2E, startE2E } from "./support/browser";
import { checkPage, PRIYA } from "./support/flows";

const WALKTHROUGH = readFileSync(
  new URL("../src/server/modules/demo/assets/walkthrough.webm", import.meta.url),
);

const currentTime = (page: Page) => page.locator("video").evaluate((v: HTMLVideoElement) => v.currentTime);
const playbackRate = (page: Page) => page.locator("video").evaluate((v: HTMLVideoElement) => v.playbackRate);

/**
 * The player on a video update's page (the recording sent through the API, so this checks playback
 * alone): the speed kept between visits, a comment pinned at a moment, its time link and its mark
 * seeking there, the feed's card; and the organisation's retention setting.
 */
describe("watching a video update", () => {
  let e2e: E2E;
  let updateId: string;
  const errors: string[] = [];
  beforeAll(async () => {
    e2e = await startE2E();
    const { page, baseUrl } = e2e;
    await setUpThroughApi(page.request, baseUrl, PRIYA);
    page.setDefaultTimeout(20_000);
    page.on("pageerror", (e) => errors.push(String(e)));
    const call = <T>(method: string, path: string, data?: unknown) =>
      apiCall<T>(page.request, baseUrl, method, path, data);
    const { recording } = await call<{ recording: { id: string } }>("POST", "/recordings", {
      mimeType: "video/webm",
    });
    const { token } = (await (await page.request.get(`${baseUrl}/api/v1/auth/csrf`)).json()) as {
      token: string;
    };
    const chunk = await page.request.put(`${baseUrl}/api/v1/recordings/${recording.id}/chunks/0`, {
      headers: { "x-csrf-token": token, "content-type": "application/octet-stream" },
      data: WALKTHROUGH,
    });
    expect(chunk.status()).toBe(204);
    await call("POST", `/recordings/${recording.id}/complete`, { chunks: 1, durationMs: 4_000 });
    const { update } = await call<{ update: { id: string } }>("POST", "/updates", {
      kind: "video",
      recordingId: recording.id,
      title: "A four-second walkthrough",
      body: "",
      audience: { organisation: true },
    });
    updateId = update.id;
  }, 60_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it("shows the video in the feed with its length, and a way to record one", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/updates`);
    const card = page.getByRole("listitem").filter({ hasText: "A four-second walkthrough" });
    await card.getByText("Video · 0:04").waitFor();
    expect(await page.getByRole("link", { name: "Record a video" }).getAttribute("href")).toBe(
      "/updates/record",
    );
    await checkPage(page, "feed-with-video");
  });

  it("plays at the speed kept from last time, pins a comment at 0:02 and seeks there from its link and mark", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/updates/${updateId}`);
    const video = page.locator("video");
    await video.waitFor();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
    await page.getByRole("combobox", { name: "Speed" }).selectOption("1.5");
    expect(await playbackRate(page)).toBe(1.5);
    await page.reload();
    await video.waitFor();
    expect(await page.getByRole("combobox", { name: "Speed" }).inputValue()).toBe("1.5");
    await expect.poll(() => playbackRate(page)).toBe(1.5);

    // No comment pinned yet: no marks. Paused at 2 s, the form offers that moment.
    expect(await page.getByRole("group", { name: "Comments along the video" }).count()).toBe(0);
    await video.evaluate(async (v: HTMLVideoElement) => {
      v.currentTime = 2.2;
      await new Promise((resolve) => v.addEventListener("seeked", resolve, { once: true }));
    });
    const pin = page.getByRole("switch", { name: "At 0:02" });
    await pin.check();
    await page.getByRole("textbox", { name: /^Comment/ }).fill("Zoom in here.");
    await page.getByRole("button", { name: "Post comment" }).click();
    const mark = page.getByRole("button", { name: `Comment by ${PRIYA.name} at 0:02` });
    await mark.waitFor();
    // The form empties once the thread has been refreshed, which may come a moment after the mark.
    await expect.poll(() => pin.isChecked()).toBe(false);

    await video.evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      v.currentTime = 3.5;
      await new Promise((resolve) => v.addEventListener("seeked", resolve, { once: true }));
    });
    await page.getByRole("button", { name: "Play the video from 0:02" }).click();
    await expect.poll(async () => Math.abs((await currentTime(page)) - 2.2)).toBeLessThan(0.6);
    await video.evaluate(async (v: HTMLVideoElement) => {
      v.pause();
      v.currentTime = 0.2;
      await new Promise((resolve) => v.addEventListener("seeked", resolve, { once: true }));
    });
    await mark.click();
    await expect.poll(async () => Math.abs((await currentTime(page)) - 2.2)).toBeLessThan(0.6);
    await checkPage(page, "video-thread");
    expect(errors).toEqual([]);
  });

  it("lets an admin choose how long video files are kept", async () => {
    const { page, baseUrl } = e2e;
    await page.goto(`${baseUrl}/settings/organisation`);
    await page.getByRole("heading", { name: "Organisation", level: 1 }).waitFor();
    await page.getByRole("radio", { name: "Keep until the update is deleted" }).waitFor();
    expect(await page.getByRole("radio", { name: "Keep until the update is deleted" }).isChecked()).toBe(
      true,
    );
    await page.getByRole("radio", { name: "Delete video files after" }).check();
    const days = page.getByRole("textbox", { name: "Days to keep video files" });
    await days.fill("");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Enter how many days to keep video files").waitFor();
    await days.fill("30");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Recording settings saved").waitFor();
    const saved = await apiCall<{ retentionDays: number | null }>(
      page.request,
      baseUrl,
      "GET",
      "/organisation/recordings",
    );
    expect(saved.retentionDays).toBe(30);
    await page.reload();
    await days.waitFor();
    expect(await days.inputValue()).toBe("30");
    await checkPage(page, "organisation-settings");
  });
});
