import { Fieldset, Stack, Switch, TextInput } from "@mantine/core";
import { useState } from "react";
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationSettingsBody,
} from "../../../contracts/notifications";
import { FormSection } from "../../components/FormSection";
import { fieldErrors, useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { type NotificationSettingsView, notificationKeys } from "./api";
import { KIND_LABELS } from "./kinds";

const toBody = (s: NotificationSettingsView): NotificationSettingsBody => ({
  email: s.email,
  digest: { enabled: s.digest.enabled, localTime: s.digest.localTime },
  kinds: Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, { email: s.kinds[kind]?.email ?? true }]),
  ) as NotificationSettingsBody["kinds"],
});

/** Email on or off, per kind, and the digest; the server's message shows beside the field it is about. */
export function NotificationSettingsForm({ settings }: { settings: NotificationSettingsView }) {
  const [form, setForm] = useState(() => toBody(settings));
  const save = useAction(() => api("PUT", "/me/notification-settings", form), {
    refresh: [notificationKeys.settings],
    done: "Notification settings saved",
  });
  const errors = fieldErrors(save.error);
  const kindEmail = (kind: NotificationKind) => form.kinds[kind]?.email ?? true;
  const setKindEmail = (kind: NotificationKind, email: boolean) =>
    setForm({ ...form, kinds: { ...form.kinds, [kind]: { email } } });
  return (
    <FormSection id="channels" title="Email and digest" action="Save settings" save={save}>
      <Switch
        label="Email me notifications"
        description="Off: notifications arrive in your inbox only."
        checked={form.email}
        onChange={(e) => setForm({ ...form, email: e.currentTarget.checked })}
        error={errors.email}
      />
      <Fieldset legend="Email for each kind" disabled={!form.email}>
        <Stack gap="xs">
          {NOTIFICATION_KINDS.map((kind) => (
            <Switch
              key={kind}
              label={KIND_LABELS[kind]}
              checked={form.email && kindEmail(kind)}
              onChange={(e) => setKindEmail(kind, e.currentTarget.checked)}
              error={errors[`kinds.${kind}.email`] ?? errors[`kinds.${kind}`]}
            />
          ))}
        </Stack>
      </Fieldset>
      <Fieldset legend="Morning digest">
        <Stack gap="xs">
          <Switch
            label="Send me a digest"
            description="One email at your local morning listing what arrived while you were away; none when nothing did."
            checked={form.digest.enabled}
            onChange={(e) =>
              setForm({ ...form, digest: { ...form.digest, enabled: e.currentTarget.checked } })
            }
            error={errors["digest.enabled"]}
          />
          <TextInput
            type="time"
            label="Digest time (your local time)"
            w={220}
            value={form.digest.localTime}
            disabled={!form.digest.enabled}
            onChange={(e) =>
              setForm({ ...form, digest: { ...form.digest, localTime: e.currentTarget.value } })
            }
            error={errors["digest.localTime"]}
          />
        </Stack>
      </Fieldset>
    </FormSection>
  );
}
