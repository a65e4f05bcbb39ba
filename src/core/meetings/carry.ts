/** An agenda item of the meeting being completed. */
export interface CarryAgendaItem {
  id: string;
  position: number;
  title: string;
  ownerId: string | null;
  minutes: number | null;
  outcome: "inform" | "discuss" | "decide";
  notes: string;
  status: "open" | "covered";
}

export interface CarryInput {
  /** The completed meeting's agenda. */
  agenda: readonly CarryAgendaItem[];
  /** The completed meeting's action items. */
  actionItems: readonly { id: string; status: "open" | "done" }[];
  /** The next occurrence's agenda as it stands (positions, titles, what was carried into it already). */
  nextAgenda: readonly {
    position: number;
    title: string;
    status: "open" | "covered";
    carriedFrom: string | null;
  }[];
  /** The most agenda items a meeting may hold. */
  maxAgendaItems: number;
}

export interface CarryPlan {
  /** New agenda items of the next occurrence, each a copy of an open item (`carriedFrom`: its id). */
  agenda: (Omit<CarryAgendaItem, "id" | "status"> & { carriedFrom: string })[];
  /** The open action items to move to the next occurrence (the same rows, never a copy). */
  actionItemIds: string[];
  /** Open agenda items left behind because the next agenda is full. */
  notCarried: number;
}

/** Titles compare without case and surrounding or repeated spaces. */
const titleKey = (title: string) => title.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * What completing an occurrence of a series carries into the next one. Open (not covered) agenda
 * items are copied, in their order, after the next agenda's last item, and point back to the item
 * they came from; the completed meeting keeps its own row as the record of what was not covered.
 * Items carried already (by id) are not carried twice, nor items whose title the next agenda already
 * has open (a series' standing items, copied to every occurrence, would otherwise pile up), and the next agenda never grows past
 * `maxAgendaItems` (the rest are counted in `notCarried`). Open action items move: one row, open in
 * one place only.
 */
export function carryForward(input: CarryInput): CarryPlan {
  const already = new Set(input.nextAgenda.map((i) => i.carriedFrom).filter((id) => id !== null));
  const openTitles = new Set(
    input.nextAgenda.filter((i) => i.status === "open").map((i) => titleKey(i.title)),
  );
  const open = [...input.agenda]
    .filter((i) => i.status === "open" && !already.has(i.id) && !openTitles.has(titleKey(i.title)))
    .sort((a, b) => a.position - b.position);
  const room = Math.max(0, input.maxAgendaItems - input.nextAgenda.length);
  const last = input.nextAgenda.reduce((max, i) => Math.max(max, i.position), -1);
  const agenda = open.slice(0, room).map(({ id, status: _status, ...item }, n) => ({
    ...item,
    position: last + 1 + n,
    carriedFrom: id,
  }));
  return {
    agenda,
    actionItemIds: input.actionItems.filter((a) => a.status === "open").map((a) => a.id),
    notCarried: open.length - agenda.length,
  };
}
