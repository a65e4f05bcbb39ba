import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { Loading } from "../../components/Loading";
import { SectionCard } from "../../components/SectionCard";
import { can } from "../../lib/permissions";
import { useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { useNotificationSettings } from "./api";
import { NotificationSettingsForm } from "./NotificationSettingsForm";
import { TestNotificationCard } from "./TestNotificationCard";

/** Settings → Notifications: the hours that apply, email per kind, the morning digest, a test. */
export function NotificationSettingsPage() {
  const settings = useNotificationSettings();
  return (
    <Stack>
      <Title order={1} size="h2">
        Notifications
      </Title>
      <Text c="dimmed">
        Everything arrives in your inbox (the bell at the top). Choose what also comes by email, and whether a
        morning digest lists what arrived while you were away.
      </Text>
      {!settings.data && <Loading error={settings.error} />}
      {settings.data && (
        <>
          <SectionCard id="hours" title="When notifications reach you">
            <Text>{settings.data.hours.description}</Text>
            <Text size="sm" c="dimmed">
              Outside these hours, notifications wait for the next start of them (in{" "}
              {settings.data.hours.timeZone}) and go into your digest. Urgent ones arrive at once.
            </Text>
          </SectionCard>
          <NotificationSettingsForm settings={settings.data} />
          <TestNotificationCard />
          <TeamWebhooksHint />
        </>
      )}
    </Stack>
  );
}

/** Leads who are not admins have no "Webhooks" entry in the navigation: their way in is here. */
function TeamWebhooksHint() {
  const { person } = useViewer();
  const teams = useTeams();
  const leads = (teams.data ?? []).some((t) =>
    t.members.some((m) => m.personId === person.id && m.role === "lead"),
  );
  if (can.manageOrgWebhooks(person.role) || !leads) return null;
  return (
    <SectionCard id="team-webhooks" title="Your team's webhooks">
      <Text size="sm">
        As a team lead you can send your team's events to another tool, such as a Slack channel:{" "}
        <Anchor component={Link} to="/settings/webhooks" underline="always">
          manage your team's webhooks
        </Anchor>
        .
      </Text>
    </SectionCard>
  );
}
