import { Anchor, Badge, Card, Group, List, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { Link, useParams } from "react-router";
import { Loading } from "../../components/Loading";
import { usePeople } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";
import { RulesList, Sections, VersionMeta } from "./AgreementParts";
import { type SectionChange, useVersion, useVersions } from "./api";
import { ruleLabel } from "./rules-text";

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
  const nameOf = (id: string) => people.data?.find((p) => p.id === id)?.name;
  return (
    <Stack>
      <BackToAgreement />
      <Title order={2}>Version history</Title>
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

const SECTION_COLOURS: Record<SectionChange["change"], string> = {
  added: "green",
  edited: "blue",
  removed: "red",
};

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
      <Title order={2}>Version {v.version}</Title>
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
        {rules.length > 0 && (
          <List spacing="xs" aria-label="Rule changes" mb="sm">
            {rules.map((change) => (
              <List.Item key={change.rule}>
                <Text span fw={600}>
                  {ruleLabel(change.rule)}:
                </Text>{" "}
                <Text span c="dimmed" td="line-through">
                  <VisuallyHidden>was </VisuallyHidden>
                  {change.from}
                </Text>{" "}
                →{" "}
                <Text span fw={500}>
                  <VisuallyHidden>now </VisuallyHidden>
                  {change.to}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        {sections.length > 0 && (
          <List spacing="xs" aria-label="Section changes">
            {sections.map((s) => (
              <List.Item key={`${s.change}-${s.title}`}>
                <Badge size="sm" variant="light" color={SECTION_COLOURS[s.change]} mr="xs">
                  {s.change}
                </Badge>
                {s.title}
              </List.Item>
            ))}
          </List>
        )}
      </Card>

      <Title order={3}>The agreement as of version {v.version}</Title>
      <Card withBorder>
        <RulesList rules={v.rules} />
      </Card>
      <Sections sections={v.sections} />
    </Stack>
  );
}
