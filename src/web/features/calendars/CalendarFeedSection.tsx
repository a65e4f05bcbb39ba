import { Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { ConfirmButton } from "../../components/ConfirmButton";
import { CopyValue } from "../../components/CopyValue";
import { FormError } from "../../components/FormError";
import { SectionCard } from "../../components/SectionCard";
import { useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { formatDateTime } from "../../lib/time";
import type { FeedView } from "./api";

/**
 * The viewer's own calendar feed: a secret address their calendar app subscribes to. Asking for it
 * makes it the first time; "Make a new link" replaces it when it may have leaked.
 */
export function CalendarFeedSection({ viewerZone }: { viewerZone: string }) {
  const [feed, setFeed] = useState<FeedView | null>(null);
  const get = useAction(() => api<FeedView>("POST", "/me/calendar-feed"), { onDone: setFeed });
  const rotate = useAction(() => api<FeedView>("POST", "/me/calendar-feed/rotate"), {
    onDone: setFeed,
    done: "New feed link made; the old one no longer works",
  });
  return (
    <SectionCard
      id="feed"
      title="Calendar feed"
      intro="Subscribe to this link in Google Calendar, Outlook or Apple Calendar to see your focus blocks and rotations there, kept up to date. Anyone with the link can read it, so keep it to yourself."
    >
      {feed && (
        <Stack gap="xs" role="status">
          <Text size="sm">Your feed link, made {formatDateTime(feed.createdAt, viewerZone)}:</Text>
          <CopyValue value={feed.url} label="feed link" />
        </Stack>
      )}
      <FormError error={get.error ?? rotate.error} />
      <Group>
        {!feed && (
          <Button variant="light" loading={get.isPending} onClick={() => get.mutate(undefined)}>
            Show my feed link
          </Button>
        )}
        {feed && (
          <ConfirmButton
            variant="light"
            size="sm"
            loading={rotate.isPending}
            question="Make a new feed link? The old link stops working at once: calendar apps subscribed to it stop updating until you give them the new one."
            confirmLabel="Make a new link"
            onConfirm={() => rotate.mutate(undefined)}
          >
            Make a new link
          </ConfirmButton>
        )}
      </Group>
    </SectionCard>
  );
}
