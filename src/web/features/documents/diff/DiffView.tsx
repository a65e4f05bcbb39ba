import { Paper, SegmentedControl, SimpleGrid, Stack, Text } from "@mantine/core";
import type { CSSProperties } from "react";
import type { DiffPart } from "../../../../contracts/documents";
import { diffSides, diffSummary } from "../doc-text";

export type DiffLayout = "inline" | "side";

// Tinted backgrounds with the theme's "light" text colours, which main.tsx darkens to pass AA in the light
// scheme (and Mantine keeps light on dark). Never colour alone: <ins> is underlined, <del> struck through.
const INSERTED: CSSProperties = {
  background: "var(--mantine-color-green-light)",
  color: "var(--mantine-color-green-light-color)",
  textDecoration: "underline",
};
const DELETED: CSSProperties = {
  background: "var(--mantine-color-red-light)",
  color: "var(--mantine-color-red-light-color)",
  textDecoration: "line-through",
};
const TEXT: CSSProperties = {
  whiteSpace: "pre-wrap",
  overflowWrap: "anywhere",
  margin: 0,
  fontSize: "var(--mantine-font-size-sm)",
};

/** Parts as running text; screen readers announce <ins>/<del> where they support them. */
function Parts({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <p style={TEXT}>
      {parts.map((part, i) =>
        part.op === "insert" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity besides their place
          <ins key={i} style={INSERTED}>
            {part.text}
          </ins>
        ) : part.op === "delete" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity besides their place
          <del key={i} style={DELETED}>
            {part.text}
          </del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity besides their place
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

/** A word-level diff, inline (one text with both) or side by side (before and after). */
export function DiffView(props: {
  parts: readonly DiffPart[];
  layout: DiffLayout;
  onLayout: (layout: DiffLayout) => void;
  beforeLabel: string;
  afterLabel: string;
  /** Names the region for screen readers ("Changes from version 2 to version 3"). */
  label: string;
}) {
  const { before, after } = diffSides(props.parts);
  return (
    <Stack gap="xs" role="region" aria-label={props.label}>
      <SegmentedControl
        aria-label="Show the changes"
        value={props.layout}
        onChange={(v) => props.onLayout(v === "side" ? "side" : "inline")}
        data={[
          { value: "inline", label: "Inline" },
          { value: "side", label: "Side by side" },
        ]}
        w="fit-content"
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {diffSummary(props.parts)}. Added words are underlined on green, removed ones struck through on red.
      </Text>
      {props.layout === "inline" ? (
        <Paper withBorder p="sm">
          <Parts parts={props.parts} />
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Paper withBorder p="sm" component="section" aria-label={props.beforeLabel}>
            <Text size="xs" fw={600} mb={4}>
              {props.beforeLabel}
            </Text>
            <Parts parts={before} />
          </Paper>
          <Paper withBorder p="sm" component="section" aria-label={props.afterLabel}>
            <Text size="xs" fw={600} mb={4}>
              {props.afterLabel}
            </Text>
            <Parts parts={after} />
          </Paper>
        </SimpleGrid>
      )}
    </Stack>
  );
}
