import { Button, Code, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import type { SearchResult } from "../../../contracts/search";
import { EmptyHint } from "../../components/EmptyHint";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { LoadMore } from "../../components/LoadMore";
import { submitWith } from "../../lib/action";
import { useAddressFilters } from "../../lib/address-filters";
import { usePaged } from "../../lib/paged";
import { usePeople, useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { FilterBar } from "./FilterBar";
import { filtersFromParams, filtersToParams, isNarrowed, type SearchFilters, searchApiPath } from "./query";
import { ResultItem } from "./ResultItem";

/**
 * One search over documents, updates (and their comments), meetings and decisions — only what the
 * viewer may read, best match first. The words and filters live in the address, so Back and a
 * shared link show the same results.
 */
export function SearchPage() {
  const viewer = useViewer();
  const teams = useTeams();
  const people = usePeople();
  const [filters, change] = useAddressFilters(filtersFromParams, filtersToParams);
  const [text, setText] = useState(filters.q);
  const [blank, setBlank] = useState(false);
  // New words from the top bar's box (or Back) show in the field too.
  useEffect(() => setText(filters.q), [filters.q]);
  const path = searchApiPath(filters, viewer.zone);
  const clearFilters = () =>
    change({ q: filters.q, type: null, teamId: null, authorId: null, from: "", to: "" });
  return (
    <Stack>
      <Title order={1} size="h2">
        Search
      </Title>
      <search aria-label="Search everything">
        <form
          onSubmit={submitWith(() => {
            setBlank(!text.trim());
            if (text.trim()) change({ ...filters, q: text.trim() }, "push");
          })}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              label="Search for"
              type="search"
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setBlank(false);
              }}
              error={blank ? "Type something to search for." : undefined}
              maxLength={200}
              style={{ flex: "1 1 280px" }}
              maw={640}
            />
            <Button type="submit">Search</Button>
          </Group>
        </form>
      </search>
      <Text size="sm" c="dimmed">
        Words also find their other forms ("design" finds "designing"). Use "quotes" for a phrase,{" "}
        <Code>-word</Code> to exclude a word, and <Code>or</Code> between alternatives.
      </Text>
      <FilterBar
        filters={filters}
        onChange={change}
        teams={teams.data}
        people={people.data}
        zone={viewer.zone}
      />
      {path !== null ? (
        <Results path={path} filters={filters} zone={viewer.zone} onClear={clearFilters} />
      ) : filters.q ? (
        <Text>Type something to search for.</Text>
      ) : (
        <Text>
          Type a few words to find documents, updates and their comments, meetings and decisions — only ones
          you can open.
        </Text>
      )}
    </Stack>
  );
}

/** The results of one search, a page at a time. */
function Results(props: { path: string; filters: SearchFilters; zone: string; onClear: () => void }) {
  const results = usePaged<SearchResult>(props.path, "results", "cursor");
  if (results.error && !results.data) return <FormError error={results.error} />;
  if (!results.data) return <Loading />;
  if (results.items.length === 0)
    return (
      <EmptyHint
        title={`Nothing matches “${props.filters.q.trim()}”`}
        action={
          isNarrowed(props.filters) ? (
            <Button variant="default" onClick={props.onClear}>
              Clear filters
            </Button>
          ) : undefined
        }
      >
        Try fewer words, or <Code>or</Code> between alternatives
        {isNarrowed(props.filters) ? "; or search without the filters" : ""}. Only what you can open is found.
      </EmptyHint>
    );
  const count = results.items.length;
  return (
    <Stack gap="sm">
      <Text size="sm" role="status">
        {count === 1 ? "1 result" : `${count} results`}
        {results.hasNextPage ? " so far, best match first" : ", best match first"}
      </Text>
      <Stack
        component="ul"
        gap="xs"
        aria-label="Results"
        style={{ listStyle: "none", padding: 0, margin: 0 }}
      >
        {results.items.map((r) => (
          <ResultItem key={`${r.type}:${r.id}`} result={r} zone={props.zone} />
        ))}
      </Stack>
      <FormError error={results.error} />
      <LoadMore
        hasMore={results.hasNextPage}
        loading={results.isFetchingNextPage}
        onMore={() => results.fetchNextPage()}
      />
    </Stack>
  );
}
