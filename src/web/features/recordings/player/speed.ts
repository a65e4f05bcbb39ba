import { PLAYBACK_RATES } from "../../../../contracts/recordings";

export type PlaybackRate = (typeof PLAYBACK_RATES)[number];
/** What the chosen speed is kept in: localStorage, or a map in tests. */
export type RateStore = Pick<Storage, "getItem" | "setItem">;

const KEY = "tandem.playbackRate";

/** The speed chosen last time, on this browser; 1× when none was kept (or what was kept is not offered). */
export function keptRate(store: RateStore | undefined): PlaybackRate {
  try {
    const kept = Number(store?.getItem(KEY));
    return PLAYBACK_RATES.find((rate) => rate === kept) ?? 1;
  } catch {
    return 1;
  }
}

/** Keeps the speed for the next video; a full or refused storage only forgets it. */
export function keepRate(store: RateStore | undefined, rate: PlaybackRate): void {
  try {
    store?.setItem(KEY, String(rate));
  } catch {
    // The speed is a convenience: the video plays at it now either way.
  }
}

/** "1.25×" */
export const rateLabel = (rate: number) => `${rate}×`;

/** The browser's localStorage, or none where it is refused (a privacy setting throws on reading it). */
export function browserStore(): RateStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
