import { Badge, List, Text, VisuallyHidden } from "@mantine/core";
import type { LineChange, RuleChange } from "../../../contracts/agreement";
import type { SectionChange } from "./api";
import { ruleLabel } from "./rules-text";

/** Each changed rule by its label: "Longest meeting: was 60 minutes → now 45 minutes". */
export function RuleChangeList({ changes, label }: { changes: RuleChange[]; label: string }) {
  return (
    <List spacing="xs" aria-label={label} mb="sm">
      {changes.map((change) => (
        <List.Item key={change.rule}>
          <Text span fw={600}>
            {ruleLabel(change.rule)}:
          </Text>{" "}
          <Text span c="dimmed" td="line-through">
            <VisuallyHidden>was </VisuallyHidden>
            {change.from}
          </Text>{" "}
          →{" "}
          <Text span fw={500}>
            <VisuallyHidden>now </VisuallyHidden>
            {change.to}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

const SECTION_COLOURS: Record<SectionChange["change"], string> = {
  added: "green",
  edited: "blue",
  removed: "red",
};

export function SectionChangeList({ changes }: { changes: SectionChange[] }) {
  return (
    <List spacing="xs" aria-label="Section changes">
      {changes.map((s) => (
        <List.Item key={`${s.change}-${s.title}`}>
          <Badge size="sm" variant="light" color={SECTION_COLOURS[s.change]} mr="xs">
            {s.change}
          </Badge>
          {s.title}
        </List.Item>
      ))}
    </List>
  );
}

/** Removed and added lines of a text, each marked in words as well as colour. */
export function LineChangeList({ changes }: { changes: LineChange[] }) {
  return (
    <List spacing={4} aria-label="Changed lines" listStyleType="none">
      {changes.map((c, i) => (
        <List.Item
          // Lines may repeat; their position in the list is what tells them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
          key={i}
          px="xs"
          bg={c.change === "added" ? "var(--mantine-color-green-light)" : "var(--mantine-color-red-light)"}
        >
          <Text span fw={600} size="sm">
            {c.change === "added" ? "Added: " : "Removed: "}
          </Text>
          <Text span size="sm" td={c.change === "removed" ? "line-through" : undefined}>
            {c.line}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
