import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatDateTime } from "../../../lib/time";
import type { DocumentSummaryView } from "../api";
import { editedText } from "../doc-text";
import { AudienceBadge } from "../page/DocumentHeader";

/** One document in the list: title, who it is for, tags, owner and its last edit in the viewer's zone. */
export function DocumentItem(props: { document: DocumentSummaryView; zone: string; now: number }) {
  const doc = props.document;
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/docs/${doc.id}`} fw={600}>
            {doc.title}
          </Anchor>
          <AudienceBadge audience={doc.audience} />
        </Group>
        <Text size="xs" c="dimmed">
          Owner: {doc.owner.name} ·{" "}
          <time dateTime={doc.updatedAt} title={formatDateTime(doc.updatedAt, props.zone)}>
            {editedText(doc, props.zone, props.now)}
          </time>{" "}
          · version {doc.version}
        </Text>
        {doc.tags.length > 0 && (
          <Group gap={4} aria-label="Tags">
            {doc.tags.map((tag) => (
              <Badge key={tag} size="sm" variant="default" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
