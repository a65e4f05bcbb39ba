import { Paper, Text, Typography } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { MarkdownPreview as Rendered } from "../../contracts/markdown";
import { api } from "../lib/api";
import { FormError } from "./FormError";

/** Waits for a pause in typing before asking the server, so a fast typist sends a few requests, not one a key. */
const DEBOUNCE_MS = 300;

function useRendered(source: string) {
  const [markdown] = useDebouncedValue(source, DEBOUNCE_MS);
  return useQuery({
    queryKey: ["markdown-preview", markdown],
    queryFn: () => api<Rendered>("POST", "/markdown/preview", { markdown }),
    enabled: markdown.trim() !== "",
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** A live preview of markdown being typed, rendered by the server exactly as it will be published. */
export function MarkdownPreview({ source, label }: { source: string; label: string }) {
  const rendered = useRendered(source);
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-default-hover)" aria-label={label} role="region">
      <Text size="xs" c="dimmed" mb={4}>
        Preview
      </Text>
      {source.trim() === "" ? (
        <Text size="sm" c="dimmed">
          Nothing written yet.
        </Text>
      ) : rendered.error ? (
        <FormError error={rendered.error} />
      ) : (
        <ServerHtml html={rendered.data?.html ?? ""} />
      )}
    </Paper>
  );
}

/** Text rendered and sanitised by the server (markdown-it with raw HTML escaped). */
export function ServerHtml({ html }: { html: string }) {
  return (
    <Typography>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server's markdown renderer */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
