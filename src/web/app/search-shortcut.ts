/** What the `/` key may not take over: somewhere the person is typing. */
interface KeyTarget {
  tagName?: string;
  isContentEditable?: boolean;
}

/**
 * Whether a key press is the search shortcut: a bare `/` (no Ctrl, Cmd or Alt, which are the
 * browser's) pressed outside an input, a text area, a select or an editable element, where it is a
 * character being typed.
 */
export function isSearchShortcut(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: unknown;
}): boolean {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = (event.target ?? {}) as KeyTarget;
  return !target.isContentEditable && !/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName ?? "");
}
