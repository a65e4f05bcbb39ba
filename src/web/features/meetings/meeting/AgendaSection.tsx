import { List, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { EmptyHint } from "../../../components/EmptyHint";
import { FormError } from "../../../components/FormError";
import { SectionCard } from "../../../components/SectionCard";
import { AddAgendaItem } from "./AddAgendaItem";
import { AgendaItemRow } from "./AgendaItemRow";
import { useReorderAgenda } from "./api";
import type { MeetingContext } from "./context";
import { moveItem } from "./live";

/** The agenda in order: drag a row, or use its move buttons, to reorder; add, cover and annotate items. */
export function AgendaSection(ctx: MeetingContext) {
  const { meeting: m, readOnly } = ctx;
  const agenda = [...m.agenda].sort((a, b) => a.position - b.position);
  const reorder = useReorderAgenda(m.id);
  const [dragging, setDragging] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const ids = agenda.map((item) => item.id);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    reorder.mutate(moveItem(ids, from, to));
    setAnnouncement(`“${agenda[from]?.title}” moved to position ${to + 1} of ${ids.length}.`);
  };
  const total = agenda.reduce((sum, item) => sum + (item.minutes ?? 0), 0);
  return (
    <SectionCard
      id="agenda"
      title="Agenda"
      intro={
        agenda.length > 0
          ? `${agenda.length} items, ${total} of ${m.durationMinutes} minutes planned.${readOnly ? "" : " Drag an item or use its arrows to reorder."}`
          : undefined
      }
    >
      {agenda.length === 0 ? (
        <EmptyHint title="No agenda yet">
          An agenda says what the meeting is for and lets people prepare, or follow async. Add the first item
          below.
        </EmptyHint>
      ) : (
        <List listStyleType="none" spacing="xs" aria-label="Agenda items">
          {agenda.map((item, index) => (
            <AgendaItemRow
              key={item.id}
              ctx={ctx}
              item={item}
              index={index}
              count={agenda.length}
              onMove={(to) => move(index, to)}
              drag={{
                active: dragging === item.id,
                onStart: () => setDragging(item.id),
                onEnd: () => setDragging(null),
                onDrop: () => {
                  const from = dragging ? ids.indexOf(dragging) : -1;
                  setDragging(null);
                  if (from >= 0) move(from, index);
                },
              }}
            />
          ))}
        </List>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <FormError error={reorder.error} />
      {!readOnly && <AddAgendaItem {...ctx} />}
      {readOnly && agenda.length === 0 && <Text size="sm">Nothing was on the agenda.</Text>}
    </SectionCard>
  );
}
