import { Group, NumberInput, Radio, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { RecordingSettings } from "../../../contracts/recordings";
import { FormSection } from "../../components/FormSection";
import { fieldErrors, useAction } from "../../lib/action";
import { recordingSettingsKey, saveRecordingSettings } from "./recordings-api";

type Choice = "keep" | "delete";

/**
 * Admins: how long video files are kept. Deleting a file keeps its update and comments (the update
 * then says the video was deleted); deleting an update always deletes its file.
 */
export function RecordingsSettingsForm({ settings }: { settings: RecordingSettings }) {
  const [choice, setChoice] = useState<Choice>(settings.retentionDays === null ? "keep" : "delete");
  const [days, setDays] = useState<number | string>(settings.retentionDays ?? 90);
  const [missing, setMissing] = useState(false);
  const save = useAction(saveRecordingSettings, {
    refresh: [recordingSettingsKey],
    done: "Recording settings saved",
  });
  const submit = {
    isPending: save.isPending,
    error: save.error,
    mutate: () => {
      const empty = choice === "delete" && (days === "" || Number.isNaN(Number(days)));
      setMissing(empty);
      if (!empty) save.mutate({ retentionDays: choice === "keep" ? null : Number(days) });
    },
  };
  return (
    <FormSection
      id="recordings"
      title="Recordings"
      intro="How long recorded videos are kept. When a file is deleted, its update and comments stay and say the video was deleted."
      action="Save"
      save={submit}
    >
      <Radio.Group
        label="Video files"
        value={choice}
        onChange={(v) => setChoice(v === "delete" ? "delete" : "keep")}
        error={choice === "keep" ? fieldErrors(save.error).retentionDays : undefined}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="keep" label="Keep until the update is deleted" />
          <Group gap="xs" align="center" wrap="wrap">
            <Radio value="delete" label="Delete video files after" />
            <NumberInput
              aria-label="Days to keep video files"
              value={days}
              onChange={(v) => {
                setDays(v);
                setChoice("delete");
              }}
              min={1}
              max={3650}
              allowDecimal={false}
              allowNegative={false}
              w={110}
              error={
                choice === "delete" &&
                (missing ? "Enter how many days to keep video files" : fieldErrors(save.error).retentionDays)
              }
            />
            <Text size="sm">days</Text>
          </Group>
        </Stack>
      </Radio.Group>
    </FormSection>
  );
}
