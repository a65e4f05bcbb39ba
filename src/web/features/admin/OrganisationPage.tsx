import { Stack, Text, Title } from "@mantine/core";
import { Loading } from "../../components/Loading";
import { PrivacySettingsForm } from "./PrivacySettingsForm";
import { usePrivacySettings } from "./privacy-api";
import { RecordingsSettingsForm } from "./RecordingsSettingsForm";
import { useRecordingSettings } from "./recordings-api";
import { SsoSettingsForm } from "./SsoSettingsForm";
import { useSsoSettings } from "./sso-api";

/** Admin: settings that apply to the whole organisation. */
export function OrganisationPage() {
  const recordings = useRecordingSettings();
  const privacy = usePrivacySettings();
  const sso = useSsoSettings();
  return (
    <Stack>
      <Title order={1} size="h2">
        Organisation
      </Title>
      <Text c="dimmed">Settings that apply to everyone in the organisation.</Text>
      {recordings.data ? (
        <RecordingsSettingsForm settings={recordings.data} />
      ) : (
        <Loading error={recordings.error} />
      )}
      {privacy.data ? <PrivacySettingsForm settings={privacy.data} /> : <Loading error={privacy.error} />}
      {sso.data ? <SsoSettingsForm sso={sso.data.sso} /> : <Loading error={sso.error} />}
    </Stack>
  );
}
