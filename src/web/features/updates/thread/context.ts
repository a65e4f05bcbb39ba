import type { UpdateView } from "../api";

/** What every part of the thread page needs: the update and who is looking at it. */
export interface ThreadContext {
  update: UpdateView;
  viewerId: string;
  /** The viewer's zone: every time on the page is shown in it. */
  zone: string;
  /** The viewer wrote it. */
  author: boolean;
  /** The current instant, refreshed, for "overdue". */
  now: number;
  /** A person's name from the thread, then the directory. */
  nameOf(personId: string): string;
}

export const updatePath = (u: { id: string }) => `/updates/${u.id}`;
