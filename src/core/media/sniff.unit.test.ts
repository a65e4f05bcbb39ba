import { describe, expect, it } from "vitest";
import { SNIFF_BYTES, sniffImage, sniffVideo } from "./sniff";

const hex = (text: string) => Uint8Array.from(text.trim().split(/\s+/), (b) => Number.parseInt(b, 16));
const text = (s: string) => new TextEncoder().encode(s);

/** The first 64 bytes of Chromium 156's MediaRecorder output (video/webm;codecs=vp8). */
const CHROMIUM_WEBM = hex(`
  1a 45 df a3 9f 42 86 81 01 42 f7 81 01 42 f2 81 04 42 f3 81 08 42 82 84 77 65 62 6d 42 87 81 04
  42 85 81 02 18 53 80 67 01 ff ff ff ff ff ff ff 15 49 a9 66 99 2a d7 b1 83 0f 42 40 4d 80 86 43`);
/** Chromium 156's MediaRecorder with video/x-matroska;codecs=avc1: Matroska, which browsers do not play. */
const CHROMIUM_MATROSKA = hex(`
  1a 45 df a3 a3 42 86 81 01 42 f7 81 01 42 f2 81 04 42 f3 81 08 42 82 88 6d 61 74 72 6f 73 6b 61
  42 87 81 04 42 85 81 02 18 53 80 67 01 ff ff ff ff ff ff ff 15 49 a9 66 99 2a d7 b1 83 0f 42 40`);
/** Chromium 156's MediaRecorder with video/mp4: ftyp isom, compatible isom iso6 iso2 vp09 mp41. */
const CHROMIUM_MP4 = hex(`
  00 00 00 24 66 74 79 70 69 73 6f 6d 00 00 02 00 69 73 6f 6d 69 73 6f 36 69 73 6f 32 76 70 30 39
  6d 70 34 31 00 00 02 b7 6d 6f 6f 76 00 00 00 78 6d 76 68 64 01 00 00 00 00 00 00 00 e7 39 6b cd`);
/** ffmpeg's default MP4: ftyp isom, compatible isom iso2 avc1 mp41. */
const FFMPEG_MP4 = hex(`
  00 00 00 20 66 74 79 70 69 73 6f 6d 00 00 02 00 69 73 6f 6d 69 73 6f 32 61 76 63 31 6d 70 34 31
  00 00 00 08 66 72 65 65`);
/** An iPhone's .mov: ftyp "qt  ", then a wide atom. */
const IPHONE_MOV = hex(`
  00 00 00 14 66 74 79 70 71 74 20 20 00 00 00 00 71 74 20 20 00 00 00 08 77 69 64 65`);
/** A 1×1 PNG: signature and IHDR. */
const PNG = hex(`
  89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52 00 00 00 01 00 00 00 01 08 06 00 00 00 1f 15 c4 89`);
const JPEG = hex("ff d8 ff e0 00 10 4a 46 49 46 00 01 01 00 00 01 00 01 00 00");
const WEBP = hex("52 49 46 46 24 00 00 00 57 45 42 50 56 50 38 20 18 00 00 00");

describe("sniffVideo", () => {
  it("knows a browser's WebM recording by its EBML DocType", () => {
    expect(sniffVideo(CHROMIUM_WEBM)).toBe("video/webm");
    expect(SNIFF_BYTES).toBeLessThanOrEqual(CHROMIUM_WEBM.length);
    expect(sniffVideo(CHROMIUM_WEBM.subarray(0, SNIFF_BYTES))).toBe("video/webm");
  });

  it("refuses Matroska that is not WebM, and a WebM head cut before its DocType", () => {
    expect(sniffVideo(CHROMIUM_MATROSKA)).toBeNull();
    expect(sniffVideo(CHROMIUM_WEBM.subarray(0, 26))).toBeNull();
    expect(sniffVideo(CHROMIUM_WEBM.subarray(0, 4))).toBeNull();
  });

  it("knows MP4 by the brands of its ftyp box", () => {
    expect(sniffVideo(CHROMIUM_MP4)).toBe("video/mp4");
    expect(sniffVideo(FFMPEG_MP4)).toBe("video/mp4");
    // An unknown major brand with mp42 among the compatible ones.
    expect(sniffVideo(hex("00 00 00 18 66 74 79 70 78 78 78 78 00 00 00 00 33 67 70 34 6d 70 34 32"))).toBe(
      "video/mp4",
    );
  });

  it("knows QuickTime by its qt brand", () => {
    expect(sniffVideo(IPHONE_MOV)).toBe("video/quicktime");
  });

  it("refuses ISO files of brands browsers do not record or play, and ftyp anywhere but offset 4", () => {
    expect(sniffVideo(hex("00 00 00 14 66 74 79 70 33 67 70 34 00 00 00 00 33 67 70 34"))).toBeNull(); // 3gp4
    expect(sniffVideo(hex("00 00 00 14 66 74 79 70 4d 34 41 20 00 00 00 00 4d 34 41 20"))).toBeNull(); // M4A audio
    expect(sniffVideo(text("xxxxxftypisom0000isomiso2"))).toBeNull();
  });

  it("refuses images, text and nothing, whatever the file was called", () => {
    expect(sniffVideo(PNG)).toBeNull(); // a PNG renamed clip.webm
    expect(sniffVideo(JPEG)).toBeNull();
    expect(sniffVideo(WEBP)).toBeNull();
    expect(sniffVideo(text("WEBVTT\n\n00:00.000 --> 00:01.000\nwebm matroska ftyp isom"))).toBeNull();
    expect(sniffVideo(new Uint8Array())).toBeNull();
  });
});

describe("sniffImage", () => {
  it("knows JPEG, PNG and WebP poster frames", () => {
    expect(sniffImage(JPEG)).toBe("image/jpeg");
    expect(sniffImage(PNG)).toBe("image/png");
    expect(sniffImage(WEBP)).toBe("image/webp");
  });

  it("refuses videos, other RIFF files, text and nothing", () => {
    expect(sniffImage(CHROMIUM_WEBM)).toBeNull();
    expect(sniffImage(IPHONE_MOV)).toBeNull();
    expect(sniffImage(hex("52 49 46 46 24 00 00 00 57 41 56 45 66 6d 74 20"))).toBeNull(); // WAVE
    expect(sniffImage(text("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});
