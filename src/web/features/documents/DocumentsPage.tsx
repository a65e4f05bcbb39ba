import { Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { TeamSelect } from "../../components/TeamSelect";
import { useAddressFilters } from "../../lib/address-filters";
import { useNow } from "../../lib/now";
import { useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { useDocuments, useTags } from "./api";
import { filtersFromParams, filtersToParams } from "./doc-text";
import { DocumentItem } from "./list/DocumentItem";

/**
 * Docs: the documents the viewer can read, recently edited first, narrowed by tag or team (kept in
 * the address). `document.changed` keeps the list fresh.
 */
export function DocumentsPage() {
  const viewer = useViewer();
  const now = useNow();
  const teams = useTeams();
  const tags = useTags();
  const [filters, setFilters] = useAddressFilters(filtersFromParams, filtersToParams);
  const documents = useDocuments(Object.fromEntries(filtersToParams(filters)));
  const filtered = filters.tag !== null || filters.teamId !== null;
  const list = documents.data;
  const tagOptions = (tags.data ?? []).map((t) => ({ value: t.tag, label: `${t.tag} (${t.count})` }));
  // A tag named by the address but not (or no longer) in use still shows as chosen.
  if (filters.tag && !tagOptions.some((o) => o.value === filters.tag))
    tagOptions.push({ value: filters.tag, label: filters.tag });

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Docs
        </Title>
        <Button component={Link} to="/docs/new">
          New document
        </Button>
      </Group>
      <Text c="dimmed">
        Shared documents: pre-reads for meetings, proposals' background, the records that outlive them.
        Everyone a document is shared with can edit it; every save is kept. Times are in your zone (
        {viewer.zone}).
      </Text>
      <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label="Filter documents">
        <Select
          label="Tag"
          placeholder="All tags"
          data={tagOptions}
          value={filters.tag}
          onChange={(tag) => setFilters({ ...filters, tag })}
          searchable
          clearable
          nothingFoundMessage="No tag like that"
          w={220}
        />
        <TeamSelect
          label="Team"
          placeholder="All teams"
          teams={teams.data ?? []}
          value={filters.teamId}
          onChange={(teamId) => setFilters({ ...filters, teamId })}
          w={220}
        />
      </Group>
      {!list ? (
        <Loading error={documents.error} />
      ) : list.length === 0 ? (
        filtered ? (
          <EmptyHint
            title="No documents match these filters"
            action={
              <Button variant="default" onClick={() => setFilters({ tag: null, teamId: null })}>
                Clear filters
              </Button>
            }
          >
            No document you can read has this tag or is shared with this team. Clear the filters to see them
            all.
          </EmptyHint>
        ) : (
          <EmptyHint
            title="No documents yet. Write the first one"
            action={
              <Button component={Link} to="/docs/new">
                New document
              </Button>
            }
          >
            Write down what a meeting should not have to explain: a plan, a proposal's background, how the
            team works. Share it with a team or the whole organisation, link it as a meeting's pre-read, and
            see every change in its history.
          </EmptyHint>
        )
      ) : (
        <Stack
          component="ul"
          gap="xs"
          aria-label="Documents"
          style={{ listStyle: "none", padding: 0, margin: 0 }}
        >
          {list.map((d) => (
            <DocumentItem key={d.id} document={d} zone={viewer.zone} now={now} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
