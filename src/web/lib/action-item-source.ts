import type { ActionItemView } from "../../contracts/meetings";

/** Where an action item was agreed: its thread (issue 12) or its meeting. */
export const sourceOf = (item: ActionItemView) =>
  item.updateId ? `/updates/${item.updateId}` : `/meetings/${item.meetingId}`;
