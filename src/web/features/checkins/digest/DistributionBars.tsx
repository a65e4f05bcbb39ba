import { Box, Group, Stack, Text } from "@mantine/core";
import { distributionRows, peopleText } from "./text";

/**
 * How many chose each of 1 … 5, as a row per value: the label and count are text (read aloud), the
 * bar beside them only shows the same number (hidden from screen readers).
 */
export function DistributionBars(props: { distribution: number[]; options: string[] | null; label: string }) {
  const rows = distributionRows(props.distribution, props.options);
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Stack
      component="ul"
      gap={4}
      aria-label={props.label}
      style={{ listStyle: "none", padding: 0, margin: 0 }}
    >
      {rows.map((row) => (
        <Group component="li" key={row.value} gap="xs" wrap="nowrap">
          <Text size="sm" w={140} truncate="end">
            {row.label}
          </Text>
          <Box
            aria-hidden="true"
            h={10}
            w={`${Math.max(2, (row.count / max) * 160)}px`}
            bg={row.count > 0 ? "blue.6" : "gray.3"}
            style={{ borderRadius: 2 }}
          />
          <Text size="sm">{peopleText(row.count)}</Text>
        </Group>
      ))}
    </Stack>
  );
}
