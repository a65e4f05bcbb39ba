import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { LoadMore } from "../../components/LoadMore";
import { useAddressFilters } from "../../lib/address-filters";
import { useNow } from "../../lib/now";
import { useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { useFeedPages } from "./api";
import { FeedFilters } from "./feed/FeedFilters";
import {
  type FeedFilterState,
  feedQuery,
  filtersFromParams,
  filtersToParams,
  isFiltered,
} from "./feed/filters";
import { UpdateItem } from "./feed/UpdateItem";

/**
 * The feed: updates addressed to me or my teams (or one team's), newest first, unread marked, each
 * with what it asks of me. Filters live in the address; `update.changed` keeps it fresh.
 */
export function UpdatesPage() {
  const viewer = useViewer();
  const now = useNow();
  const teams = useTeams();
  const [filters, changeFilters] = useAddressFilters(filtersFromParams, filtersToParams);
  const query = feedQuery(filters);
  const feed = useFeedPages(query ?? {}, query !== null);
  // The team feed opens on the viewer's first team, so one click shows something.
  const myTeam = teams.data?.find((t) => t.members.some((m) => m.personId === viewer.person.id));
  const setFilters = (next: FeedFilterState) =>
    changeFilters(
      filters.feed === "mine" && next.feed === "team" && !next.teamId
        ? { ...next, teamId: myTeam?.id ?? null }
        : next,
    );
  const updates = feed.data?.pages.flatMap((p) => p.updates);

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Updates
        </Title>
        <Group gap="xs">
          <Button component={Link} to="/updates/decisions" variant="default">
            Decision log
          </Button>
          <Button component={Link} to="/updates/record" variant="default">
            Record a video
          </Button>
          <Button component={Link} to="/updates/new">
            New update
          </Button>
        </Group>
      </Group>
      <Text c="dimmed">
        Written updates, questions and proposals, answered in each person's working hours. Times are in your
        zone ({viewer.zone}).
      </Text>
      <FeedFilters filters={filters} onChange={setFilters} teams={teams.data} />
      {query === null ? (
        <Text>Choose a team to read what was posted to it.</Text>
      ) : !updates ? (
        <Loading error={feed.error} />
      ) : updates.length === 0 ? (
        <EmptyFeed
          filtered={isFiltered(filters)}
          onClear={() => setFilters(filtersFromParams(new URLSearchParams()))}
        />
      ) : (
        <>
          <Stack
            component="ul"
            gap="xs"
            aria-label="Updates"
            style={{ listStyle: "none", padding: 0, margin: 0 }}
          >
            {updates.map((u) => (
              <UpdateItem key={u.id} update={u} viewerId={viewer.person.id} zone={viewer.zone} now={now} />
            ))}
          </Stack>
          <LoadMore
            hasMore={feed.hasNextPage}
            loading={feed.isFetchingNextPage}
            onMore={() => feed.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  );
}

/** An empty feed teaches what it is for and offers the first post; a filtered one offers to clear. */
function EmptyFeed(props: { filtered: boolean; onClear: () => void }) {
  if (props.filtered)
    return (
      <EmptyHint
        title="No updates match these filters"
        action={
          <Button variant="default" onClick={props.onClear}>
            Clear filters
          </Button>
        }
      >
        The filters hide every update in this feed. Clear them to see them all.
      </EmptyHint>
    );
  return (
    <EmptyHint
      title="Nothing here yet. Post the first update"
      action={
        <Group gap="xs">
          <Button component={Link} to="/updates/new">
            New update
          </Button>
          <Anchor component={Link} to="/agreement/advisor" size="sm">
            Should this be a meeting?
          </Anchor>
        </Group>
      }
    >
      Status notes, questions, proposals and announcements for you or your teams appear here, newest first.
      People reply in their own working hours, so nobody needs to be online at the same time.
    </EmptyHint>
  );
}
