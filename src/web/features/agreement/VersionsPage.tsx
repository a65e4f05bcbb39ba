import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { Loading } from "../../components/Loading";
import { usePeople } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";
import { RulesList, Sections, VersionMeta } from "./AgreementParts";
import { useVersion, useVersions } from "./api";
import { RuleChangeList, SectionChangeList } from "./ChangeLists";

const BackToAgreement = () => (
  <Anchor component={Link} to="/agreement" size="sm">
    ← Working agreement
  </Anchor>
);

/** Every published version, newest first, each opening to what changed. */
export function VersionsPage() {
  const { zone } = useViewer();
  const versions = useVersions();
  const people = usePeople();
  if (!versions.data) return <Loading error={versions.error} />;
  const nameOf = (id: string | null) => people.data?.find((p) => p.id === id)?.name;
  return (
    <Stack>
      <BackToAgreement />
      <Title order={1} size="h2">
        Version history
      </Title>
      <Text c="dimmed">
        Each version of the working agreement, who published it and why. Open one to see what changed.
      </Text>
      <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {versions.data.map((v) => (
          <Card key={v.version} withBorder component="li" padding="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/agreement/versions/${v.version}`} fw={600}>
                Version {v.version}
              </Anchor>
              <Text size="sm" c="dimmed">
                {formatDateTime(v.publishedAt, zone)}
                {nameOf(v.publishedBy) ? ` · ${nameOf(v.publishedBy)}` : ""}
              </Text>
            </Group>
            <Text size="sm">{v.changeSummary}</Text>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

/** One version: what changed since the one before (rules from → to, sections), then the text as it stood. */
export function VersionPage() {
  const { n = "" } = useParams();
  const number = Number(n);
  const { zone } = useViewer();
  const version = useVersion(number);
  const versions = useVersions();
  const people = usePeople();
  if (!version.data) return <Loading error={version.error} />;
  const v = version.data;
  const { rules, sections } = v.changes;
  return (
    <Stack>
      <Group gap="md">
        <Anchor component={Link} to="/agreement/versions" size="sm">
          ← Version history
        </Anchor>
        {number > 1 && (
          <Anchor component={Link} to={`/agreement/versions/${number - 1}`} size="sm">
            Version {number - 1}
          </Anchor>
        )}
        {versions.data?.some((other) => other.version === number + 1) && (
          <Anchor component={Link} to={`/agreement/versions/${number + 1}`} size="sm">
            Version {number + 1}
          </Anchor>
        )}
      </Group>
      <Title order={1} size="h2">
        Version {v.version}
      </Title>
      <VersionMeta {...v} people={people.data} zone={zone} />

      <Card withBorder component="section" aria-labelledby="changes-heading">
        <Title order={3} id="changes-heading" size="h4" mb="sm">
          {v.version === 1 ? "The first version" : `What changed since version ${v.version - 1}`}
        </Title>
        {v.version === 1 && (
          <Text>This is where the agreement started; there is nothing earlier to compare.</Text>
        )}
        {v.version > 1 && rules.length === 0 && sections.length === 0 && (
          <Text>Nothing in the rules or sections changed.</Text>
        )}
        {rules.length > 0 && <RuleChangeList changes={rules} label="Rule changes" />}
        {sections.length > 0 && <SectionChangeList changes={sections} />}
      </Card>

      <Title order={3}>The agreement as of version {v.version}</Title>
      <Card withBorder>
        <RulesList rules={v.rules} />
      </Card>
      <Sections sections={v.sections} />
    </Stack>
  );
}
