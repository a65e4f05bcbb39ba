import { ActionIcon, Anchor, Badge, Box, Checkbox, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { FormError } from "../../../components/FormError";
import type { AgendaItemView } from "../api";
import { useMeetingAction } from "./api";
import type { MeetingContext } from "./context";
import { ItemNotes } from "./ItemNotes";

const OUTCOME = { inform: "Inform", discuss: "Discuss", decide: "Decide" } as const;

export interface DragHandlers {
  active: boolean;
  onStart(): void;
  onEnd(): void;
  onDrop(): void;
}

/** One agenda item: covered box, title, owner, time box, outcome, notes; move, drag and remove. */
export function AgendaItemRow(props: {
  ctx: MeetingContext;
  item: AgendaItemView;
  index: number;
  count: number;
  onMove(to: number): void;
  drag: DragHandlers;
}) {
  const { ctx, item, index, count, onMove, drag } = props;
  const editable = !ctx.readOnly;
  const patch = useMeetingAction((body: { status?: "open" | "covered" }) => ({
    method: "PATCH",
    path: `/agenda-items/${item.id}`,
    body,
  }));
  const remove = useMeetingAction(() => ({ method: "DELETE", path: `/agenda-items/${item.id}` }), {
    done: `“${item.title}” is off the agenda.`,
  });
  return (
    <Box
      component="li"
      p="xs"
      draggable={editable}
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = "move";
        drag.onStart();
      }}
      onDragEnd={drag.onEnd}
      onDragOver={(e) => editable && e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        drag.onDrop();
      }}
      style={{
        border: "1px solid var(--mantine-color-default-border)",
        borderRadius: 4,
        opacity: drag.active ? 0.5 : 1,
        cursor: editable ? "grab" : undefined,
      }}
    >
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Checkbox
            mt={2}
            aria-label={`“${item.title}” covered`}
            checked={item.status === "covered"}
            disabled={!editable || patch.isPending}
            onChange={(e) => patch.mutate({ status: e.currentTarget.checked ? "covered" : "open" })}
          />
          <Stack gap={2} style={{ flex: 1 }}>
            <Text fw={500} td={item.status === "covered" ? "line-through" : undefined}>
              {index + 1}. {item.title}
            </Text>
            <Group gap="xs">
              <Badge size="sm" variant="light">
                {OUTCOME[item.outcome]}
              </Badge>
              {item.minutes !== null && <Text size="xs">{item.minutes} min</Text>}
              {item.ownerId && <Text size="xs">Owner: {ctx.nameOf(item.ownerId)}</Text>}
              {item.carriedFrom && (
                <Text size="xs" c="dimmed">
                  carried over from the last meeting
                </Text>
              )}
            </Group>
          </Stack>
          {editable && (
            <Group gap={2} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                aria-label={`Move “${item.title}” up`}
                disabled={index === 0}
                onClick={() => onMove(index - 1)}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                aria-label={`Move “${item.title}” down`}
                disabled={index === count - 1}
                onClick={() => onMove(index + 1)}
              >
                ↓
              </ActionIcon>
              <ConfirmButton
                question={`Remove “${item.title}” from the agenda? Its notes go with it.`}
                confirmLabel="Remove"
                onConfirm={() => remove.mutate(undefined)}
                aria-label={`Remove “${item.title}”`}
              >
                Remove
              </ConfirmButton>
            </Group>
          )}
        </Group>
        {item.outcome === "inform" && item.status === "open" && editable && (
          <Text size="xs" c="dimmed">
            Information only: people could read this as an async update in their own time, leaving the meeting
            for discussion and decisions.{" "}
            <Anchor component={Link} to="/agreement/advisor" inherit>
              Should this be a meeting?
            </Anchor>
          </Text>
        )}
        <ItemNotes item={item} readOnly={!editable} />
        <FormError error={patch.error ?? remove.error} />
      </Stack>
    </Box>
  );
}
