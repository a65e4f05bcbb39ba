import { Card, Text, Title } from "@mantine/core";
import { LineChangeList } from "../agreement";
import type { PolicyChanges } from "./api";

/** Before acknowledging a policy: the lines changed since the version the reader last acknowledged. */
export function PolicyChangesCard({ changes }: { changes: PolicyChanges }) {
  const { sinceVersion, lines } = changes;
  return (
    <Card withBorder component="section" aria-labelledby="policy-since-heading">
      <Title order={2} size="h4" id="policy-since-heading" mb="xs">
        {sinceVersion === null
          ? "First time: read the whole policy"
          : `Changed since you last acknowledged (version ${sinceVersion})`}
      </Title>
      {sinceVersion === null && <Text size="sm">You have not acknowledged a version of it yet.</Text>}
      {sinceVersion !== null && lines.length === 0 && (
        <Text size="sm">Only the title or blank lines changed; the new version needs your confirmation.</Text>
      )}
      {lines.length > 0 && <LineChangeList changes={lines} />}
    </Card>
  );
}
