import { NumberInput, Stack } from "@mantine/core";
import { useState } from "react";
import { MIN_GROUP_SIZE, MIN_TEXT_GROUP_SIZE, type PrivacySettings } from "../../../contracts/checkins";
import { FormSection } from "../../components/FormSection";
import { fieldErrors, useAction } from "../../lib/action";
import { checkinKeys } from "../checkins";
import { savePrivacySettings } from "./privacy-api";

type Field = keyof PrivacySettings;
const FLOORS: Record<Field, number> = { minGroupSize: MIN_GROUP_SIZE, minTextGroupSize: MIN_TEXT_GROUP_SIZE };

/**
 * Admins: how many people must answer before a team's pulse results (and, separately, its comments)
 * are shown. The sizes can be raised, never lowered — lowering would reveal what was held back — so
 * the form says so and refuses a lower number before sending it; the server refuses it too.
 */
export function PrivacySettingsForm({ settings }: { settings: PrivacySettings }) {
  const [form, setForm] = useState<Record<Field, number | string>>({ ...settings });
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const save = useAction(savePrivacySettings, {
    refresh: [checkinKeys.privacy],
    done: "Privacy settings saved",
  });
  const problem = (field: Field, label: string): string | undefined => {
    const value = form[field];
    if (value === "" || Number.isNaN(Number(value))) return `Enter the minimum group size for ${label}`;
    if (Number(value) < settings[field])
      return `Can be raised, never lowered: it is ${settings[field]} now, so enter ${settings[field]} or more`;
    if (Number(value) < FLOORS[field]) return `Must be at least ${FLOORS[field]}`;
    return undefined;
  };
  const submit = {
    isPending: save.isPending,
    error: save.error,
    mutate: () => {
      const found = {
        minGroupSize: problem("minGroupSize", "pulse results"),
        minTextGroupSize: problem("minTextGroupSize", "pulse comments"),
      };
      setLocal(found);
      if (!found.minGroupSize && !found.minTextGroupSize)
        save.mutate({
          minGroupSize: Number(form.minGroupSize),
          minTextGroupSize: Number(form.minTextGroupSize),
        });
    },
  };
  const server = fieldErrors(save.error);
  return (
    <FormSection
      id="privacy"
      title="Privacy"
      intro="Pulse answers are never shown one by one, to anyone. A team's results appear only when at least this many people answered."
      action="Save privacy settings"
      save={submit}
    >
      <Stack gap="sm">
        <NumberInput
          label="Minimum group size for pulse results"
          description={`Averages and distributions. Can be raised, never lowered (at least ${MIN_GROUP_SIZE}).`}
          value={form.minGroupSize}
          onChange={(v) => setForm({ ...form, minGroupSize: v })}
          min={settings.minGroupSize}
          max={1000}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          w={320}
          error={local.minGroupSize ?? server.minGroupSize}
        />
        <NumberInput
          label="Minimum group size for pulse comments"
          description={`Free-text comments, shown without names. Can be raised, never lowered (at least ${MIN_TEXT_GROUP_SIZE}).`}
          value={form.minTextGroupSize}
          onChange={(v) => setForm({ ...form, minTextGroupSize: v })}
          min={settings.minTextGroupSize}
          max={1000}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          w={320}
          error={local.minTextGroupSize ?? server.minTextGroupSize}
        />
      </Stack>
    </FormSection>
  );
}
