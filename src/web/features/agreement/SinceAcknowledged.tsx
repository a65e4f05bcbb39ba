import { Card, Stack, Text, Title } from "@mantine/core";
import type { ChangesSinceAcknowledged } from "./api";
import { RuleChangeList, SectionChangeList } from "./ChangeLists";

/** Before acknowledging: what changed since the version the reader last acknowledged, or "first time". */
export function SinceAcknowledged({ changes }: { changes: ChangesSinceAcknowledged }) {
  const { sinceVersion, rules, sections, teams } = changes;
  const nothing = rules.length === 0 && sections.length === 0 && teams.length === 0;
  return (
    <Card withBorder component="section" aria-labelledby="since-acknowledged-heading">
      <Title order={2} size="h4" id="since-acknowledged-heading" mb="xs">
        {sinceVersion === null
          ? "First time: read the whole agreement"
          : `Changed since you last acknowledged (version ${sinceVersion})`}
      </Title>
      {sinceVersion === null && (
        <Text size="sm">You have not acknowledged a version yet, so all of it is new to you.</Text>
      )}
      {sinceVersion !== null && nothing && (
        <Text size="sm">
          No rule or section changed in words; the new version only needs your confirmation.
        </Text>
      )}
      <Stack gap="xs">
        {rules.length > 0 && <RuleChangeList changes={rules} label="Changed rules" />}
        {sections.length > 0 && <SectionChangeList changes={sections} />}
        {teams.map((team) => (
          <Stack key={team.teamId} gap={4}>
            <Text fw={600} size="sm">
              Team {team.teamName}’s own rules changed:
            </Text>
            <RuleChangeList changes={team.rules} label={`Changed rules of team ${team.teamName}`} />
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
