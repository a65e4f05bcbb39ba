/** The picker's options: the chosen documents first, in their order, then what the search found. */
export function pickerOptions(
  chosen: readonly { id: string; title: string }[],
  found: readonly { id: string; title: string }[],
): { value: string; label: string }[] {
  const taken = new Set(chosen.map((c) => c.id));
  return [
    ...chosen.map((c) => ({ value: c.id, label: c.title })),
    ...found.filter((f) => !taken.has(f.id)).map((f) => ({ value: f.id, label: f.title })),
  ];
}
