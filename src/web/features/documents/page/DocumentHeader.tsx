import { Anchor, Badge, Group, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { Link } from "react-router";
import { audienceText } from "../../../lib/audience";
import { formatDateTime } from "../../../lib/time";
import type { DocumentView } from "../api";
import { editedText } from "../doc-text";

/** Title, who owns it and who it is for, its version and last edit (viewer's zone), its tags. */
export function DocumentHeader(props: {
  document: DocumentView;
  viewerId: string;
  zone: string;
  now: number;
}) {
  const doc = props.document;
  const mine = doc.owner.personId === props.viewerId;
  return (
    <Stack gap="xs">
      <Anchor component={Link} to="/docs" size="sm">
        ← Docs
      </Anchor>
      <Title order={1} size="h2">
        {doc.title}
      </Title>
      <Text size="sm" c="dimmed">
        Owner: {doc.owner.name}
        {mine && " (you)"} · version {doc.version} ·{" "}
        <time dateTime={doc.updatedAt} title={formatDateTime(doc.updatedAt, props.zone)}>
          {editedText(doc, props.zone, props.now)}
        </time>
      </Text>
      <Group gap="xs" wrap="wrap">
        <AudienceBadge audience={doc.audience} />
        {doc.tags.map((tag) => (
          <Badge
            key={tag}
            variant="default"
            component={Link}
            to={`/docs?tag=${encodeURIComponent(tag)}`}
            style={{ cursor: "pointer" }}
          >
            <VisuallyHidden>Documents tagged </VisuallyHidden>
            {tag}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

/** Who can read and edit it, in words; a document for named people only says so. */
export function AudienceBadge({ audience }: { audience: DocumentView["audience"] }) {
  const restricted = !audience.organisation;
  return (
    <Badge variant="light" color={restricted ? "orange" : "indigo"} tt="none">
      {restricted && (
        <span aria-hidden="true" style={{ marginRight: 4 }}>
          🔒
        </span>
      )}
      <VisuallyHidden>{restricted ? "Shared only with " : "Shared with "}</VisuallyHidden>
      {audienceText(audience, "Only the owner")}
    </Badge>
  );
}
