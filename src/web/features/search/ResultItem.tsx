import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import type { SearchResult, SearchType } from "../../../contracts/search";
import { formatDateTime } from "../../lib/time";
import { snippetParts } from "./query";
import "./search.css";

export const TYPE_LABELS: Record<SearchType, string> = {
  document: "Document",
  update: "Update",
  meeting: "Meeting",
  decision: "Decision",
};

const sourcePath = (source: NonNullable<SearchResult["source"]>) =>
  source.type === "meeting" ? `/meetings/${source.id}` : `/updates/${source.id}`;

/**
 * One result: what it is, its title (opening it), the words around the match with the matched ones
 * highlighted, who wrote it and when (a meeting: when it starts) in the viewer's zone, and for a
 * decision where it was made.
 */
export function ResultItem({ result, zone }: { result: SearchResult; zone: string }) {
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          {/* One colour for every type (the theme's, which passes contrast); the word tells them apart. */}
          <Badge variant="light">{TYPE_LABELS[result.type]}</Badge>
          <Anchor component={Link} to={result.path} fw={600}>
            {result.title}
          </Anchor>
        </Group>
        {result.snippet && (
          <Text size="sm" className="search-snippet">
            {snippetParts(result.snippet).map((part, i) =>
              // The pieces never change order for a given snippet: the index is a stable key.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
            )}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {result.authorName ? `${result.authorName} · ` : ""}
          <time dateTime={result.at}>{formatDateTime(result.at, zone)}</time>
          {result.source && (
            <>
              {" · from "}
              <Anchor component={Link} to={sourcePath(result.source)} inherit underline="always">
                {result.source.title}
              </Anchor>
            </>
          )}
        </Text>
      </Stack>
    </Card>
  );
}
