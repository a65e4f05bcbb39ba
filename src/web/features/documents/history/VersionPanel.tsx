import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Loading } from "../../../components/Loading";
import { ServerHtml } from "../../../components/MarkdownPreview";
import { formatDateTime } from "../../../lib/time";
import { useVersion } from "../api";

/** One version as it read then, rendered as the document page renders it. */
export function VersionPanel(props: {
  documentId: string;
  version: number;
  zone: string;
  onClose: () => void;
}) {
  const version = useVersion(props.documentId, props.version);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="version-heading">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="version-heading">
            Version {props.version}
            {version.data && `: ${version.data.title}`}
          </Title>
          <Button size="compact-sm" variant="default" onClick={props.onClose}>
            Close version {props.version}
          </Button>
        </Group>
        {!version.data ? (
          <Loading error={version.error} />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              Saved by {version.data.author.name},{" "}
              <time dateTime={version.data.at}>{formatDateTime(version.data.at, props.zone)}</time>
              {version.data.summary && ` · ${version.data.summary}`}
            </Text>
            <ServerHtml html={version.data.html} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
