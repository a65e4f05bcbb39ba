import { Anchor, Collapse, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { ServerHtml } from "../../../components/MarkdownPreview";
import { formatDateTime } from "../../../lib/time";
import type { ThreadContext } from "./context";

/**
 * "Edited …" with the earlier versions, newest first, each as it read then (collapsed until asked).
 * A version's `editedBy`/`at` say who replaced it with the next one, and when.
 */
export function VersionHistory({ update: u, zone }: ThreadContext) {
  const [opened, { toggle }] = useDisclosure(false);
  const versions = [...u.versions].sort((a, b) => b.version - a.version);
  const edited = u.editedAt ? formatDateTime(u.editedAt, zone) : "";
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        Edited {edited}
        {versions.length > 0 && (
          <>
            {" · "}
            <Anchor
              component="button"
              type="button"
              size="sm"
              underline="always"
              onClick={toggle}
              aria-expanded={opened}
              aria-controls="update-history"
            >
              {opened ? "Hide earlier versions" : `Show earlier versions (${versions.length})`}
            </Anchor>
          </>
        )}
      </Text>
      <Collapse expanded={opened} id="update-history">
        <Stack gap="xs">
          {versions.map((v) => (
            <Paper key={v.version} withBorder p="sm" component="article" aria-label={`Version ${v.version}`}>
              <Text size="xs" c="dimmed">
                Version {v.version} · replaced by {v.editedBy}, {formatDateTime(v.at, zone)}
              </Text>
              <Title order={4}>{v.title}</Title>
              <ServerHtml html={v.html} />
            </Paper>
          ))}
        </Stack>
      </Collapse>
    </Stack>
  );
}
