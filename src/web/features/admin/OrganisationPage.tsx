import { Stack, Text, Title } from "@mantine/core";
import { Loading } from "../../components/Loading";
import { SectionCard } from "../../components/SectionCard";
import { can } from "../../lib/permissions";
import { useViewer } from "../../lib/session";
import { DataErasure, DataExport } from "../people";
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
  const viewer = useViewer();
  const { id, name } = viewer.organisation;
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
      {can.do("organisation.export")(viewer.person.role) && (
        <SectionCard
          id="organisation-data"
          title="The organisation's data"
          intro="Everything of the organisation as a ZIP of JSON files and its recordings (private notes and individual pulse answers left out), or the organisation deleted after a 30-day grace period. Only the owner can do either."
        >
          <DataExport organisation={{ id, name }} />
          <DataErasure organisation={{ id, name }} />
        </SectionCard>
      )}
    </Stack>
  );
}
