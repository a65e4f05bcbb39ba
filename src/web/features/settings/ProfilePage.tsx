import { Stack, Text, Title } from "@mantine/core";
import { Loading } from "../../components/Loading";
import { SectionCard } from "../../components/SectionCard";
import { usePerson } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { DataErasure, DataExport, ProfileEditor } from "../people";

export function ProfilePage() {
  const viewer = useViewer();
  const me = usePerson(viewer.person.id);
  return (
    <Stack>
      <Title order={1} size="h2">
        Your profile
      </Title>
      <Text c="dimmed">
        Your zone and working hours decide when colleagues see you as working, and every time Tandem shows
        you.
      </Text>
      {me.data ? <ProfileEditor person={me.data} /> : <Loading error={me.error} />}
      <SectionCard
        id="your-data"
        title="Your data"
        intro="Everything Tandem holds about you, as a ZIP of JSON files with your recordings (the link lasts 24 hours); or have it deleted, after a 30-day grace period."
      >
        <DataExport />
        <DataErasure />
      </SectionCard>
    </Stack>
  );
}
