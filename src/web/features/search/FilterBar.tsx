import { Button, Group, SegmentedControl, Select, TextInput } from "@mantine/core";
import { SEARCH_TYPES, type SearchType } from "../../../contracts/search";
import { TeamSelect } from "../../components/TeamSelect";
import { isNarrowed, type SearchFilters } from "./query";

const TYPE_OPTIONS = [
  { value: "all", label: "All" },
  { value: "document", label: "Documents" },
  { value: "update", label: "Updates" },
  { value: "meeting", label: "Meetings" },
  { value: "decision", label: "Decisions" },
];

const typeOf = (value: string): SearchType | null =>
  (SEARCH_TYPES as readonly string[]).includes(value) ? (value as SearchType) : null;

/** What narrows the results: the kind of thing, a team, who wrote it, and when (dates in the viewer's zone). */
export function FilterBar(props: {
  filters: SearchFilters;
  onChange: (next: SearchFilters) => void;
  teams: readonly { id: string; name: string }[] | undefined;
  people: readonly { id: string; name: string }[] | undefined;
  zone: string;
}) {
  const { filters, onChange } = props;
  const set = <K extends keyof SearchFilters>(key: K, value: SearchFilters[K]) =>
    onChange({ ...filters, [key]: value });
  return (
    <Group align="flex-end" gap="md" wrap="wrap" aria-label="Filter the results" role="group">
      <SegmentedControl
        aria-label="Type"
        value={filters.type ?? "all"}
        onChange={(v) => set("type", typeOf(v))}
        data={TYPE_OPTIONS}
        maw="100%"
      />
      <TeamSelect
        label="Team"
        placeholder="All teams"
        teams={props.teams ?? []}
        value={filters.teamId}
        onChange={(v) => set("teamId", v)}
        searchable
        w={200}
      />
      <Select
        label="Author"
        placeholder="Anyone"
        data={(props.people ?? []).map((p) => ({ value: p.id, label: p.name }))}
        value={filters.authorId}
        onChange={(v) => set("authorId", v)}
        searchable
        clearable
        nothingFoundMessage="No one by that name"
        w={200}
      />
      <TextInput
        type="date"
        label={`From (${props.zone})`}
        value={filters.from}
        onChange={(e) => set("from", e.currentTarget.value)}
        max={filters.to || undefined}
      />
      <TextInput
        type="date"
        label="To"
        value={filters.to}
        onChange={(e) => set("to", e.currentTarget.value)}
        min={filters.from || undefined}
      />
      {isNarrowed(filters) && (
        <Button
          variant="subtle"
          onClick={() =>
            onChange({ q: filters.q, type: null, teamId: null, authorId: null, from: "", to: "" })
          }
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
