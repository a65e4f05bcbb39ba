import { Button, Card, Stack, Text } from "@mantine/core";
import type { QueryKey } from "@tanstack/react-query";
import { FormError } from "../../components/FormError";
import { useAction } from "../../lib/action";
import { api } from "../../lib/api";

/**
 * The end of a document people must acknowledge: "I have read and acknowledge version N" while the
 * current version is pending for the viewer, a quiet confirmation once it is not.
 */
export function AcknowledgeCard(props: {
  /** The version the viewer still has to acknowledge, or null when they are up to date. */
  pendingVersion: number | null;
  currentVersion: number;
  /** The API path to POST `{ version }` to. */
  path: string;
  refresh: QueryKey[];
  what: string;
}) {
  const { pendingVersion, currentVersion, path, refresh, what } = props;
  const acknowledge = useAction((version: number) => api("POST", path, { version }), {
    refresh,
    done: `Thank you: you acknowledged version ${pendingVersion ?? currentVersion} of ${what}.`,
  });
  if (pendingVersion === null) {
    return (
      <Text fw={500} id="acknowledge">
        ✓ You have acknowledged version {currentVersion} of {what}.
      </Text>
    );
  }
  return (
    <Card withBorder component="section" aria-label="Acknowledge" id="acknowledge">
      <Stack gap="xs" align="flex-start">
        <Text>Once you have read {what}, confirm it here. Everyone is asked again when it changes.</Text>
        <Button loading={acknowledge.isPending} onClick={() => acknowledge.mutate(pendingVersion)}>
          I have read and acknowledge version {pendingVersion}
        </Button>
        <FormError error={acknowledge.error} />
      </Stack>
    </Card>
  );
}
