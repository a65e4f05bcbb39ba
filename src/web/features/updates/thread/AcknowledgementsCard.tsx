import { Button, Text } from "@mantine/core";
import { FormError } from "../../../components/FormError";
import { SectionCard } from "../../../components/SectionCard";
import { formatDateTime } from "../../../lib/time";
import { useThreadAction } from "./api";
import type { ThreadContext } from "./context";

/** "Got it": the viewer's acknowledgement, who has acknowledged, and for the author who has opened it. */
export function AcknowledgementsCard({ update: u, viewerId, author, zone }: ThreadContext) {
  const mine = u.acknowledgements.find((a) => a.personId === viewerId);
  const ack = useThreadAction(() => ({ method: "POST", path: `/updates/${u.id}/acknowledgements` }), {
    done: "Acknowledged.",
  });
  return (
    <SectionCard id="acknowledgements" title="Acknowledged">
      {!author &&
        (mine ? (
          <Text size="sm">You acknowledged this {formatDateTime(mine.at, zone)}.</Text>
        ) : (
          <div>
            <Button onClick={() => ack.mutate(undefined)} loading={ack.isPending}>
              Got it
            </Button>
            <FormError error={ack.error} />
          </div>
        ))}
      <Text size="sm">
        {u.acknowledgements.length === 0
          ? "Nobody has said “Got it” yet."
          : `Got it: ${u.acknowledgements.map((a) => a.name).join(", ")}`}
      </Text>
      {author && (
        <Text size="sm" c="dimmed">
          {u.seenBy.length === 0
            ? "Seen by: nobody has opened it yet (only you see this)."
            : `Seen by ${u.seenBy.map((s) => s.name).join(", ")} (only you see this).`}
        </Text>
      )}
    </SectionCard>
  );
}
