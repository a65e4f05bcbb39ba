import { Button, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { Link, useLocation } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { TeamSelect } from "../../components/TeamSelect";
import { useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { useDecisions } from "./api";
import { DecisionList } from "./decisions/DecisionList";
import { type LogFilters, logQuery, newestFirst } from "./decisions/log";

const NO_FILTERS: LogFilters = { q: "", teamId: null, from: "", to: "" };

/** Every decision, from meetings and from proposals, with where it was made; search by text, team and date. */
export function DecisionLogPage() {
  const viewer = useViewer();
  const teams = useTeams();
  const [filters, setFilters] = useState(NO_FILTERS);
  const [q] = useDebouncedValue(filters.q, 300);
  const decisions = useDecisions(logQuery({ ...filters, q }, viewer.zone));
  const list = decisions.data ? newestFirst(decisions.data.decisions) : undefined;
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  useScrollToHash(list !== undefined);
  const teamName = (id: string) => teams.data?.find((t) => t.id === id)?.name;
  return (
    <Stack>
      <Title order={1} size="h2">
        Decision log
      </Title>
      <Text c="dimmed">
        Every decision recorded in a meeting or on a proposal, newest first, with where it was made. A later
        decision can supersede an earlier one; both are linked.
      </Text>
      <Group align="flex-end">
        <TextInput
          label="Search"
          placeholder="Words in the decision"
          type="search"
          value={filters.q}
          onChange={(e) => setFilters({ ...filters, q: e.currentTarget.value })}
          style={{ flex: 1, minWidth: 200 }}
        />
        <TeamSelect
          label="Team"
          placeholder="All teams"
          teams={teams.data ?? []}
          value={filters.teamId}
          onChange={(teamId) => setFilters({ ...filters, teamId })}
          w={200}
        />
        <TextInput
          type="date"
          label="From"
          value={filters.from}
          onChange={(e) => setFilters({ ...filters, from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label="To"
          value={filters.to}
          onChange={(e) => setFilters({ ...filters, to: e.currentTarget.value })}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </Button>
        )}
      </Group>
      {!list ? (
        <Loading error={decisions.error} />
      ) : list.length > 0 ? (
        <DecisionList decisions={list} zone={viewer.zone} teamName={teamName} />
      ) : filtered ? (
        <EmptyHint title="No decision matches">
          Try other words, another team or a wider range of dates — or clear the filters.
        </EmptyHint>
      ) : (
        <EmptyHint
          title="No decisions yet"
          action={
            <Button component={Link} to="/updates/new">
              Post a proposal
            </Button>
          }
        >
          Decisions land here when someone records one in a meeting, or closes a proposal with its decision,
          so people who were not there can find what was settled and why. Post a proposal to ask for one.
        </EmptyHint>
      )}
    </Stack>
  );
}

/** A link to `/updates/decisions#decision-…` from a thread: scroll to that decision once the list is shown. */
function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView({ block: "center" });
    target?.focus({ preventScroll: true });
  }, [ready, hash]);
}
