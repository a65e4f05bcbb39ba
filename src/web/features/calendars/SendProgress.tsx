import { Progress, Stack, Text } from "@mantine/core";
import type { SendStage } from "./api";

const STAGE_TEXT = {
  reading: () => "Opening the file…",
  uploading: (fraction: number) => `Uploading… ${Math.round(fraction * 100)}%`,
  processing: () => "Reading the events…",
};

/** A file on its way: what is happening in words, and a bar (striped once the server is reading it). */
export function SendProgress({ stage, label }: { stage: SendStage; label: string }) {
  const fraction = stage.stage === "uploading" ? stage.fraction : stage.stage === "processing" ? 1 : 0;
  const busy = stage.stage !== "uploading";
  return (
    <Stack gap={2}>
      <Text size="sm">{STAGE_TEXT[stage.stage](fraction)}</Text>
      <Progress
        value={busy ? 100 : fraction * 100}
        animated={busy}
        striped={busy}
        aria-label={label}
        size="sm"
      />
    </Stack>
  );
}
