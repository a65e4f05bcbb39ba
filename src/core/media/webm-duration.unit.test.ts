import { describe, expect, it } from "vitest";
import { withDuration } from "./webm-duration";

const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const element = (id: number[], body: number[], sizeLength = 1): number[] => {
  const size = sizeLength === 1 ? [0x80 | body.length] : [0x01, 0, 0, 0, 0, 0, 0, body.length];
  return [...id, ...size, ...body];
};

const EBML_HEADER = element([0x1a, 0x45, 0xdf, 0xa3], [...element([0x42, 0x82], ascii("webm"))]);
const TIMECODE_SCALE = element([0x2a, 0xd7, 0xb1], [0x0f, 0x42, 0x40]); // 1 000 000 ns
const MUXER = element([0x4d, 0x80], ascii("Chrome"));
const TRACKS = element([0x16, 0x54, 0xae, 0x6b], [0xae, 0x80]);
const CLUSTER = [0x1f, 0x43, 0xb6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xe7, 0x81, 0x00];
const UNKNOWN_SIZE = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

function head(info: number[], segmentSize: number[] = UNKNOWN_SIZE, before: number[] = []): Uint8Array {
  return bytes(EBML_HEADER, [0x18, 0x53, 0x80, 0x67], segmentSize, before, info, TRACKS, CLUSTER);
}

/** The Duration in an Info element of `file`, in milliseconds (TimecodeScale 1 ms). */
function durationIn(file: Uint8Array): number | null {
  for (let i = 0; i + 11 <= file.length; i++) {
    if (file[i] === 0x44 && file[i + 1] === 0x89 && file[i + 2] === 0x88)
      return new DataView(file.buffer, file.byteOffset + i + 3, 8).getFloat64(0);
  }
  return null;
}

describe("withDuration", () => {
  it("writes the duration into the Info of a live-stream header and leaves everything after it as it was", () => {
    const input = head(element([0x15, 0x49, 0xa9, 0x66], [...TIMECODE_SCALE, ...MUXER]));
    const output = withDuration(input, 5_250);
    expect(output).not.toBeNull();
    expect(durationIn(output as Uint8Array)).toBe(5_250);
    expect(output?.length).toBe(input.length + 11);
    expect([...(output as Uint8Array).subarray(-CLUSTER.length - TRACKS.length)]).toEqual([
      ...TRACKS,
      ...CLUSTER,
    ]);
  });

  it("counts in the file's own TimecodeScale", () => {
    const scale = element([0x2a, 0xd7, 0xb1], [0x03, 0xe8]); // 1000 ns
    const output = withDuration(head(element([0x15, 0x49, 0xa9, 0x66], [...scale, ...MUXER])), 2_000);
    expect(durationIn(output as Uint8Array)).toBe(2_000_000);
  });

  it("keeps an eight-byte size field eight bytes long and grows a known Segment size", () => {
    const info = element([0x15, 0x49, 0xa9, 0x66], [...TIMECODE_SCALE, ...MUXER], 8);
    const body = [...info, ...TRACKS, ...CLUSTER];
    const known = [0x01, 0, 0, 0, 0, 0, 0, body.length];
    const output = withDuration(head(info, known), 1_000) as Uint8Array;
    const segmentSizeAt = EBML_HEADER.length + 4;
    expect(output[segmentSizeAt + 7]).toBe(body.length + 11);
    expect(output[segmentSizeAt + 8 + 4 + 7]).toBe(info.length - 12 + 11);
    expect(durationIn(output)).toBe(1_000);
  });

  it("does nothing when a Duration is there already, offsets would move, or the head is not a whole WebM header", () => {
    const withOne = element(
      [0x15, 0x49, 0xa9, 0x66],
      [...TIMECODE_SCALE, 0x44, 0x89, 0x84, 0x45, 0x9c, 0x40, 0x00],
    );
    expect(withDuration(head(withOne), 1_000)).toBeNull();
    const seekHead = element([0x11, 0x4d, 0x9b, 0x74], [0x4d, 0xbb, 0x80]);
    expect(
      withDuration(head(element([0x15, 0x49, 0xa9, 0x66], MUXER), UNKNOWN_SIZE, seekHead), 1_000),
    ).toBeNull();
    const whole = head(element([0x15, 0x49, 0xa9, 0x66], [...TIMECODE_SCALE, ...MUXER]));
    expect(withDuration(whole.subarray(0, EBML_HEADER.length + 14), 1_000)).toBeNull();
    expect(withDuration(Uint8Array.from(ascii("\x89PNG\r\n\x1a\n0000")), 1_000)).toBeNull();
    expect(withDuration(new Uint8Array(0), 1_000)).toBeNull();
  });
});
