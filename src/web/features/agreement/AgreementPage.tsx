import { Alert, Anchor, Button, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { Loading } from "../../components/Loading";
import { can } from "../../lib/permissions";
import { usePeople, useTeams } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { AcknowledgeCard } from "./AcknowledgeCard";
import { RulesList, Sections, useScrollToHash, VersionMeta } from "./AgreementParts";
import { agreementKeys, mayPublish, useAgreement, useMyPendingAgreement } from "./api";
import { SinceAcknowledged } from "./SinceAcknowledged";
import { TeamOverrideEditor } from "./TeamOverrideEditor";

/** The working agreement as a person reads it: rules in sentences, the written sections, acknowledgement. */
export function AgreementPage() {
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const teamId = params.get("team");
  const org = useAgreement(null);
  const team = useAgreement(teamId);
  const teams = useTeams();
  const people = usePeople();
  const pending = useMyPendingAgreement();
  const shown = teamId ? team : org;
  useScrollToHash(Boolean(shown.data) && pending.isSuccess);
  if (!shown.data || !org.data) return <Loading error={shown.error ?? org.error} />;
  const agreement = shown.data;
  const publisher = mayPublish(viewer.person.role);
  const chosenTeam = teams.data?.find((t) => t.id === teamId);
  const isLead = chosenTeam?.members.some((m) => m.personId === viewer.person.id && m.role === "lead");
  const mayTighten = Boolean(chosenTeam) && can.tightenTeamAgreement(viewer.person.role, Boolean(isLead));

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2">
          Working agreement
        </Title>
        <Group gap="xs">
          {publisher && (
            <Button component={Link} to="/agreement/edit">
              Edit the agreement
            </Button>
          )}
          <Button component={Link} to="/agreement/versions" variant="light">
            Version history
          </Button>
          {publisher && (
            <Button component={Link} to="/agreement/compliance" variant="light">
              Acknowledgements
            </Button>
          )}
        </Group>
      </Group>
      <Text>
        When we meet live and when we write, how soon we reply, and how we protect focus and rest — written
        down so nobody has to re-argue it. Each new version is acknowledged by everyone.
      </Text>
      <VersionMeta {...org.data} people={people.data} zone={viewer.zone} />
      {pending.data && (
        <Alert color="yellow" variant="light" role="status">
          You have not acknowledged version {pending.data.version} yet: read it, then confirm{" "}
          <Anchor href="#acknowledge" inherit underline="always">
            at the end of the page
          </Anchor>
          .
        </Alert>
      )}
      {pending.data && <SinceAcknowledged changes={pending.data.changes} />}

      {teams.data && teams.data.length > 0 && (
        <Select
          label="Show the agreement for"
          data={[
            { value: "org", label: "The whole organisation" },
            ...teams.data.map((t) => ({ value: t.id, label: `Team ${t.name}` })),
          ]}
          value={teamId ?? "org"}
          allowDeselect={false}
          onChange={(v) => setParams(v && v !== "org" ? { team: v } : {})}
          maw={360}
        />
      )}
      {chosenTeam && (
        <Text size="sm">
          {agreement.teamVersion
            ? `${chosenTeam.name} has tightened some rules (team version ${agreement.teamVersion}); rules marked “team” are stricter than the organisation's.`
            : `${chosenTeam.name} follows the organisation's rules as they are.`}
        </Text>
      )}

      <Card withBorder component="section" aria-labelledby="rules-heading">
        <Title order={3} id="rules-heading" mb="sm">
          Rules
        </Title>
        <RulesList rules={agreement.rules} sources={chosenTeam ? agreement.sources : undefined} />
      </Card>
      {chosenTeam && mayTighten && (
        <TeamOverrideEditor
          key={`${chosenTeam.id}-${agreement.teamVersion ?? 0}`}
          teamId={chosenTeam.id}
          teamName={chosenTeam.name}
          effective={agreement.rules}
          org={org.data.rules}
        />
      )}

      <Sections sections={agreement.sections} />

      {pending.isSuccess && (
        <AcknowledgeCard
          pendingVersion={pending.data?.version ?? null}
          currentVersion={org.data.version}
          path="/agreement/acknowledgements"
          refresh={[agreementKeys.all]}
          what="the working agreement"
        />
      )}
      <Group gap="lg">
        <Anchor component={Link} to="/agreement/policies">
          Policies
        </Anchor>
        <Anchor component={Link} to="/agreement/advisor">
          Should this be a meeting? Ask the advisor
        </Anchor>
      </Group>
    </Stack>
  );
}
