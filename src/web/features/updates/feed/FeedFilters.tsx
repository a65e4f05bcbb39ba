import { Group, SegmentedControl, Select, Switch } from "@mantine/core";
import { UPDATE_KINDS } from "../../../../contracts/updates";
import { TeamSelect } from "../../../components/TeamSelect";
import type { FeedFilterState } from "./filters";
import { KIND_LABELS } from "./item-text";

const KIND_OPTIONS = UPDATE_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

/** My feed or a team's, and what narrows it: kind, "Needs my reply", "Overdue". */
export function FeedFilters(props: {
  filters: FeedFilterState;
  onChange: (next: FeedFilterState) => void;
  teams: readonly { id: string; name: string }[] | undefined;
}) {
  const { filters, onChange } = props;
  const set = <K extends keyof FeedFilterState>(key: K, value: FeedFilterState[K]) =>
    onChange({ ...filters, [key]: value });
  return (
    <Group align="flex-end" gap="md" wrap="wrap" role="search" aria-label="Filter updates">
      <SegmentedControl
        aria-label="Feed"
        value={filters.feed}
        onChange={(v) => set("feed", v === "team" ? "team" : "mine")}
        data={[
          { value: "mine", label: "My feed" },
          { value: "team", label: "Team feed" },
        ]}
      />
      {filters.feed === "team" && (
        <TeamSelect
          label="Team"
          placeholder="Choose a team"
          teams={props.teams ?? []}
          value={filters.teamId}
          onChange={(v) => set("teamId", v)}
          w={220}
        />
      )}
      <Select
        label="Kind"
        placeholder="All kinds"
        data={KIND_OPTIONS}
        value={filters.kind}
        onChange={(v) => set("kind", (v as FeedFilterState["kind"]) ?? null)}
        clearable
        w={200}
      />
      <Switch
        label="Needs my reply"
        checked={filters.needsMyReply}
        onChange={(e) => set("needsMyReply", e.currentTarget.checked)}
        mb={8}
      />
      <Switch
        label="Overdue"
        checked={filters.overdue}
        onChange={(e) => set("overdue", e.currentTarget.checked)}
        mb={8}
      />
    </Group>
  );
}
