import { Button, Table, Text, VisuallyHidden } from "@mantine/core";
import { formatDateTime } from "../../../lib/time";
import type { DocumentVersionView } from "../api";

/** Every version, newest first: who saved it, when (viewer's zone), what changed; which are compared. */
export function VersionTable(props: {
  versions: DocumentVersionView[];
  zone: string;
  pair: { from: number; to: number };
  viewed: number | null;
  onView: (version: number) => void;
}) {
  const rows = [...props.versions].sort((a, b) => b.version - a.version);
  const compared = (v: number) =>
    v === props.pair.to ? " (compared: to)" : v === props.pair.from ? " (compared: from)" : "";
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label="Versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Saved by</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>What changed</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>
                {v.version}
                {compared(v.version) && (
                  <Text span size="xs" c="dimmed">
                    {compared(v.version)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{v.author.name}</Table.Td>
              <Table.Td>
                <time dateTime={v.at}>{formatDateTime(v.at, props.zone)}</time>
              </Table.Td>
              <Table.Td>
                {v.summary ?? (
                  <Text span size="sm" c="dimmed">
                    {v.version === 1 ? "Created" : "No summary"}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant={props.viewed === v.version ? "light" : "subtle"}
                  onClick={() => props.onView(v.version)}
                  aria-pressed={props.viewed === v.version}
                >
                  View version {v.version}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
