import { Anchor, Button, Group, Select, Stack, Switch, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { NotificationKind } from "../../../contracts/notifications";
import { EmptyHint } from "../../components/EmptyHint";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { LoadMore } from "../../components/LoadMore";
import { useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { type InboxFilters, notificationKeys, useInbox } from "./api";
import { InboxItem } from "./InboxItem";
import { KIND_OPTIONS } from "./kinds";

/** Everything Tandem told the signed-in person, newest first; new ones appear without a reload. */
export function InboxPage() {
  const [filters, setFilters] = useState<InboxFilters>({ unreadOnly: false, kind: null });
  const inbox = useInbox(filters);
  const markRead = useAction(
    (body: { ids: string[] } | { all: true }) => api<void>("POST", "/inbox/read", body),
    { refresh: [notificationKeys.inbox] },
  );
  const filtered = filters.unreadOnly || filters.kind !== null;
  return (
    <Stack>
      <Title order={1} size="h2">
        Inbox
      </Title>
      <Text c="dimmed">
        What Tandem has told you, newest first. Notifications arrive within your notification hours; urgent
        ones arrive at once. Choose email and the morning digest in{" "}
        <Anchor component={Link} to="/settings/notifications" underline="always">
          Settings → Notifications
        </Anchor>
        .
      </Text>
      <Group align="end" wrap="wrap">
        <Switch
          label="Unread only"
          checked={filters.unreadOnly}
          onChange={(e) => setFilters({ ...filters, unreadOnly: e.currentTarget.checked })}
        />
        <Select
          label="Kind"
          placeholder="All kinds"
          data={KIND_OPTIONS}
          value={filters.kind}
          onChange={(kind) => setFilters({ ...filters, kind: kind as NotificationKind | null })}
          clearable
          w={320}
        />
        <Button
          variant="default"
          disabled={inbox.unreadCount === 0}
          loading={markRead.isPending && "all" in (markRead.variables ?? {})}
          onClick={() => markRead.mutate({ all: true })}
        >
          Mark all as read
        </Button>
      </Group>
      <Text size="sm" aria-live="polite">
        {inbox.isSuccess && `${inbox.unreadCount} unread`}
      </Text>
      <FormError error={markRead.error} />
      {inbox.isPending && <Loading error={inbox.error} />}
      {inbox.isSuccess && inbox.items.length === 0 && (
        <EmptyHint title={filtered ? "Nothing matches these filters" : "Nothing here yet"}>
          {filtered
            ? "Clear the filters to see everything you were told."
            : "When something needs you — a new agreement to acknowledge, an accepted invitation — it arrives here."}
        </EmptyHint>
      )}
      {inbox.items.length > 0 && (
        <Stack component="ul" aria-label="Notifications" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {inbox.items.map((item) => (
            <InboxItem
              key={item.id}
              item={item}
              marking={markRead.isPending && marking(markRead.variables, item.id)}
              onMarkRead={() => markRead.mutate({ ids: [item.id] })}
            />
          ))}
        </Stack>
      )}
      <LoadMore
        hasMore={inbox.hasNextPage}
        loading={inbox.isFetchingNextPage}
        onMore={() => inbox.fetchNextPage()}
      />
    </Stack>
  );
}

const marking = (body: { ids: string[] } | { all: true } | undefined, id: string) =>
  body !== undefined && "ids" in body && body.ids.includes(id);
