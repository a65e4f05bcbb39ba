import { Button, Group } from "@mantine/core";
import { REACTIONS } from "../../../../contracts/updates";
import { FormError } from "../../../components/FormError";
import { useThreadAction } from "./api";
import type { ThreadContext } from "./context";

/** The six fixed reactions: counts, the viewer's own pressed, who reacted in the title; pressing again removes it. */
export function ReactionsBar({ update: u }: ThreadContext) {
  const react = useThreadAction((emoji: string) => ({
    method: "POST",
    path: `/updates/${u.id}/reactions`,
    body: { emoji },
  }));
  return (
    <div>
      <Group gap={6} role="group" aria-label="Reactions">
        {REACTIONS.map((emoji) => {
          const r = u.reactions.find((x) => x.emoji === emoji);
          const names = r?.people.map((p) => p.name).join(", ");
          return (
            // The names go in the title: shown on hover and read as the button's description.
            <Button
              key={emoji}
              size="compact-sm"
              variant={r?.mine ? "light" : "default"}
              aria-label={`React with ${emoji}`}
              aria-pressed={Boolean(r?.mine)}
              title={names ? `${emoji} ${names}` : `No ${emoji} yet`}
              disabled={react.isPending && react.variables === emoji}
              onClick={() => react.mutate(emoji)}
            >
              {emoji}
              {r && r.count > 0 ? ` ${r.count}` : ""}
            </Button>
          );
        })}
      </Group>
      <FormError error={react.error} />
    </div>
  );
}
