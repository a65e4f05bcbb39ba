import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";
import { completeRecording, createRecording, putChunk } from "../recordings";
import { addComment, createUpdate } from "../updates";
import type { DemoCast } from "./demo-meetings";

const email = (first: string) => `${first}@northwind.example`;

/** 4 s of Chromium's fake camera and microphone (VP8 + Opus), as MediaRecorder writes it: `scripts/record-walkthrough.mjs`. */
const WALKTHROUGH = new URL("./assets/walkthrough.webm", import.meta.url);
const WALKTHROUGH_MS = 4_000;

/** The walkthrough uploaded as a recorder sends it (one chunk), through the recordings module's own upload. */
async function keepWalkthrough(deps: Deps, actor: Actor, title: string): Promise<string> {
  const recording = await createRecording(deps, actor, { mimeType: "video/webm;codecs=vp8,opus", title });
  const { size } = await stat(WALKTHROUGH);
  await putChunk(deps, actor, { id: recording.id, index: 0 }, createReadStream(WALKTHROUGH), size);
  await completeRecording(deps, actor, recording.id, { chunks: 1, durationMs: WALKTHROUGH_MS });
  return recording.id;
}

/**
 * The demo's video update: Marcus walks Product through the new onboarding flow, with two timed
 * comments — Elena's question at 0:01 and Marcus's answer, a reply pointing at 0:03.
 */
export async function seedVideo(deps: Deps, cast: DemoCast): Promise<number> {
  const marcus = cast.actor(email("marcus"));
  const title = "Walkthrough: the new onboarding flow";
  const recordingId = await keepWalkthrough(deps, marcus, title);
  const video = await createUpdate(deps, marcus, {
    kind: "video",
    title,
    body: "Four seconds instead of a meeting: the new first screen, then where the survey goes. Questions at the moment they are about, please.",
    audience: { teamId: cast.teamId("Product") },
    recordingId,
  });
  const question = await addComment(deps, cast.actor(email("elena")), video.id, {
    body: "Does the survey still open before the first project is made?",
    atMs: 1_000,
  });
  await addComment(deps, marcus, video.id, {
    body: "No — it waits until the first project exists; you can see it here.",
    parentId: question.id,
    atMs: 3_000,
  });
  return 1;
}
