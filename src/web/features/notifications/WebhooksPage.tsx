import { Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { NoAccess } from "../../components/NoAccess";
import { can } from "../../lib/permissions";
import { useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { useWebhooks } from "./api";
import { SecretOnce } from "./SecretOnce";
import { WebhookCard } from "./WebhookCard";
import { type Created, WebhookForm } from "./WebhookForm";

/**
 * Webhooks: admins manage the organisation's and every team's; a team's leads manage their team's.
 * Anyone else reads that the page is not for them.
 */
export function WebhooksPage() {
  const viewer = useViewer();
  const teams = useTeams();
  const { role, id } = viewer.person;
  const orgWide = can.manageOrgWebhooks(role);
  const choosable = (teams.data ?? []).filter((t) =>
    can.manageTeamWebhooks(
      role,
      t.members.some((m) => m.personId === id && m.role === "lead"),
    ),
  );
  const mayUse = orgWide || choosable.length > 0;
  const webhooks = useWebhooks(teams.isSuccess && mayUse);
  const [secret, setSecret] = useState<{ title: string; secret: string } | null>(null);
  if (!teams.data) return <Loading error={teams.error} />;
  if (!mayUse) return <NoAccess />;
  const teamName = (teamId: string | null) => teams.data.find((t) => t.id === teamId)?.name ?? null;
  const shown = (title: string) => (created: Created) => setSecret({ title, secret: created.secret });
  return (
    <Stack>
      <Title order={1} size="h2">
        Webhooks
      </Title>
      <Text c="dimmed">
        Send Tandem's events to another tool: a Slack channel, or your own service (signed JSON).{" "}
        {orgWide
          ? "You manage the organisation's webhooks and every team's."
          : "You manage the webhooks of the teams you lead."}
      </Text>
      <WebhookForm
        teams={choosable}
        wholeOrganisation={orgWide}
        onCreated={(created) => shown(`Secret for ${created.webhook.url}`)(created)}
      />
      {secret && <SecretOnce title={secret.title} secret={secret.secret} onDismiss={() => setSecret(null)} />}
      {!webhooks.data && <Loading error={webhooks.error} />}
      {webhooks.data?.length === 0 && (
        <EmptyHint title="No webhooks yet">
          Add one above to send events such as “a new agreement version to acknowledge” to another tool.
        </EmptyHint>
      )}
      {webhooks.data && webhooks.data.length > 0 && (
        <Stack component="ul" aria-label="Webhooks" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {webhooks.data.map((w) => (
            <WebhookCard
              key={w.id}
              webhook={w}
              teamName={teamName(w.teamId)}
              onRotated={(created) => shown(`New secret for ${w.url}`)(created)}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
