import { Badge } from "@mantine/core";

/**
 * A small label beside a name ("optional", "busy", "late"): neutral text that keeps its contrast in both
 * colour schemes, with a coloured dot to tell kinds apart at a glance.
 */
export function Tag({ children, color = "gray" }: { children: string; color?: string }) {
  return (
    <Badge
      ml={6}
      size="sm"
      variant="default"
      leftSection={
        <span
          aria-hidden="true"
          style={{
            display: "inline-block",
            width: 8,
            height: 8,
            borderRadius: 4,
            background: `var(--mantine-color-${color}-6)`,
          }}
        />
      }
    >
      {children}
    </Badge>
  );
}
