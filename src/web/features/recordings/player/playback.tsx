import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";

/** What a page beside a player may do with it: read where it is, send it to a moment. */
export interface Playback {
  /** Where the player is, in milliseconds, as it plays, pauses and seeks; null while there is no player. */
  currentMs: number | null;
  /** Moves the player to `ms` and plays from there. */
  seek(ms: number): void;
}

interface PlaybackLink extends Playback {
  attach(video: HTMLVideoElement | null): void;
  /** `exact` on a pause or a seek; while playing, a new value only when the shown second changes. */
  report(ms: number, exact: boolean): void;
}

const PlaybackContext = createContext<PlaybackLink | null>(null);

/** Shares one page's player with its other parts (the comment form's "At 0:42", a comment's time link). */
export function PlaybackProvider({ children }: { children: ReactNode }) {
  const video = useRef<HTMLVideoElement | null>(null);
  const [currentMs, setCurrentMs] = useState<number | null>(null);
  const attach = useCallback((element: HTMLVideoElement | null) => {
    video.current = element;
    setCurrentMs(element ? Math.floor(element.currentTime * 1000) : null);
  }, []);
  const report = useCallback((ms: number, exact: boolean) => {
    setCurrentMs((prev) =>
      !exact && prev !== null && Math.floor(prev / 1000) === Math.floor(ms / 1000) ? prev : ms,
    );
  }, []);
  const seek = useCallback((ms: number) => {
    const element = video.current;
    if (!element) return;
    element.currentTime = ms / 1000;
    setCurrentMs(ms);
    // A comment's time link may be far below the player: bring the player into view.
    element.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
    element.play().catch(() => {
      // A browser may refuse to play without a gesture it counts; the player stays at the moment.
    });
  }, []);
  const value = useMemo(() => ({ currentMs, seek, attach, report }), [currentMs, seek, attach, report]);
  return <PlaybackContext.Provider value={value}>{children}</PlaybackContext.Provider>;
}

/** The page's player, or null outside a `PlaybackProvider` (an update that is not a video). */
export function usePlayback(): Playback | null {
  return useContext(PlaybackContext);
}

/** For the player itself: how it tells the page where it is. */
export function usePlaybackLink(): Pick<PlaybackLink, "attach" | "report" | "seek"> | null {
  return useContext(PlaybackContext);
}
