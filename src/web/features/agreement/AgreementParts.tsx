import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { useLocation } from "react-router";
import type { RuleSources, Rules } from "../../../contracts/agreement";
import type { PersonView } from "../../../contracts/people";
import { ServerHtml } from "../../components/MarkdownPreview";
import { formatDateTime } from "../../lib/time";
import type { AgreementSection } from "./api";
import { describeRules } from "./rules-text";

/** Each rule as a sentence under its label (what the advisor cites) and, for a team, where it comes from. */
export function RulesList({ rules, sources }: { rules: Rules; sources?: RuleSources | undefined }) {
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {describeRules(rules).map((line) => (
        <li key={line.rule} id={`rule-${line.rule}`}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} size="sm">
              {line.title}
            </Text>
            {sources &&
              (sources[line.rule] === "team" ? (
                <Badge size="sm" color="grape" variant="light">
                  team
                </Badge>
              ) : (
                <Badge size="sm" color="gray" variant="light">
                  organisation
                </Badge>
              ))}
          </Group>
          <Text>{line.text}</Text>
        </li>
      ))}
    </Stack>
  );
}

export function Sections({ sections }: { sections: AgreementSection[] }) {
  if (sections.length === 0) {
    return <Text c="dimmed">This version has no written sections, only the rules above.</Text>;
  }
  return sections.map((section) => (
    <Card key={section.title} withBorder component="section" aria-label={section.title}>
      <Title order={3} size="h4" mb="xs">
        {section.title}
      </Title>
      <ServerHtml html={section.html} />
    </Card>
  ));
}

/** "Version 3 · published Wed 14 Jan, 14:30 by Priya Patel", and what the change was. */
export function VersionMeta(props: {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  changeSummary: string;
  people: PersonView[] | undefined;
  zone: string;
}) {
  const by = props.people?.find((p) => p.id === props.publishedBy)?.name;
  return (
    <Stack gap={2}>
      <Text c="dimmed" size="sm">
        Version {props.version} · published {formatDateTime(props.publishedAt, props.zone)}
        {by ? ` by ${by}` : ""}
      </Text>
      <Text size="sm">
        <Text span c="dimmed" inherit>
          What changed:{" "}
        </Text>
        {props.changeSummary}
      </Text>
    </Stack>
  );
}

/** Scrolls to the element named by the URL's #fragment once the page has what it needs. */
export function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (ready && hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [ready, hash]);
}
