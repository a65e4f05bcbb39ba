import { Accordion, Alert, Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { fieldErrors, useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { usePeople } from "../../lib/resources";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";
import {
  AcknowledgeCard,
  ComplianceReport,
  mayPublish,
  ServerHtml,
  useScrollToHash,
  VersionMeta,
} from "../agreement";
import {
  type PolicyView,
  policyKeys,
  useMyPendingPolicies,
  usePolicy,
  usePolicyCompliance,
  usePolicyVersions,
} from "./api";
import { PolicyChangesCard } from "./PolicyChangesCard";
import { PolicyFields } from "./PolicyFields";

/** The text without a leading heading that only repeats the title the page already shows. */
function withoutTitle(html: string, title: string): string {
  const first = /^<h1>(.*?)<\/h1>\n?/.exec(html);
  if (!first) return html;
  const text = new DOMParser().parseFromString(first[1] ?? "", "text/html").body.textContent ?? "";
  return text.trim() === title.trim() ? html.slice(first[0].length) : html;
}

/** One policy: its current text, acknowledgement, earlier versions; admin and hr edit it and see compliance. */
export function PolicyPage() {
  const { id = "" } = useParams();
  const viewer = useViewer();
  const publisher = mayPublish(viewer.person.role);
  const policy = usePolicy(id);
  const versions = usePolicyVersions(id);
  const pending = useMyPendingPolicies();
  const compliance = usePolicyCompliance(id, publisher);
  const people = usePeople();
  const [editing, setEditing] = useState(false);
  useScrollToHash(Boolean(policy.data) && pending.isSuccess);
  if (!policy.data) return <Loading error={policy.error} />;
  const p = policy.data;
  const mine = pending.data?.find((item) => item.id === id);
  return (
    <Stack>
      <Anchor component={Link} to="/agreement/policies" size="sm">
        ← Policies
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2">
          {p.title}
        </Title>
        {publisher && !editing && (
          <Button variant="light" onClick={() => setEditing(true)}>
            Edit (new version)
          </Button>
        )}
      </Group>
      <VersionMeta {...p} people={people.data} zone={viewer.zone} />
      {mine && !editing && (
        <Alert color="yellow" variant="light" role="status">
          You have not acknowledged version {mine.version} yet: read it, then confirm{" "}
          <Anchor href="#acknowledge" inherit underline="always">
            at the end
          </Anchor>
          .
        </Alert>
      )}
      {mine && !editing && p.sinceAcknowledged && <PolicyChangesCard changes={p.sinceAcknowledged} />}
      {editing ? (
        <PolicyEditor policy={p} onDone={() => setEditing(false)} />
      ) : (
        <Card withBorder component="article" aria-label={p.title}>
          <ServerHtml html={withoutTitle(p.html, p.title)} />
        </Card>
      )}
      {pending.isSuccess && (
        <AcknowledgeCard
          pendingVersion={mine?.version ?? null}
          currentVersion={p.version}
          path={`/policies/${id}/acknowledgements`}
          refresh={[policyKeys.all]}
          what={`“${p.title}”`}
        />
      )}

      {publisher && (
        <Stack component="section" aria-labelledby="policy-compliance-heading">
          <Title order={3} id="policy-compliance-heading">
            Acknowledgements
          </Title>
          {compliance.data && people.data ? (
            <ComplianceReport
              compliance={compliance.data}
              people={people.data}
              zone={viewer.zone}
              what={`“${p.title}”`}
            />
          ) : (
            <Loading error={compliance.error} />
          )}
        </Stack>
      )}

      <Stack component="section" aria-labelledby="policy-versions-heading">
        <Title order={3} id="policy-versions-heading">
          Versions
        </Title>
        {versions.data ? (
          <Accordion variant="separated">
            {versions.data.map((v) => (
              <Accordion.Item key={v.version} value={String(v.version)}>
                <Accordion.Control>
                  <Text fw={600} size="sm">
                    Version {v.version} · {formatDateTime(v.publishedAt, viewer.zone)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {v.changeSummary}
                  </Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <ServerHtml html={withoutTitle(v.html, v.title)} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        ) : (
          <Loading error={versions.error} />
        )}
      </Stack>
    </Stack>
  );
}

function PolicyEditor({ policy, onDone }: { policy: PolicyView; onDone(): void }) {
  const [text, setText] = useState({ title: policy.title, body: policy.body });
  const [summary, setSummary] = useState("");
  const [summaryError, setSummaryError] = useState<string | undefined>();
  const save = useAction(
    () =>
      api("PUT", `/policies/${policy.id}`, {
        title: text.title,
        body: text.body,
        changeSummary: summary.trim(),
      }),
    {
      refresh: [policyKeys.all],
      done: `Version ${policy.version + 1} published: everyone is asked to acknowledge it.`,
      onDone,
    },
  );
  const errors = fieldErrors(save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!summary.trim()) {
      setSummaryError("Say what changed, in a sentence people will read before acknowledging");
      return;
    }
    setSummaryError(undefined);
    save.mutate(undefined);
  };
  return (
    <Card withBorder>
      <form onSubmit={onSubmit} aria-label={`Edit ${policy.title}`}>
        <Stack>
          <Text size="sm" c="dimmed">
            Saving publishes version {policy.version + 1} and asks everyone to acknowledge it again.
          </Text>
          <PolicyFields {...text} onChange={setText} errors={errors} />
          <TextInput
            label="What changed"
            required
            value={summary}
            onChange={(e) => {
              setSummary(e.currentTarget.value);
              setSummaryError(undefined);
            }}
            error={summaryError ?? errors.changeSummary}
          />
          <FormError error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Publish version {policy.version + 1}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
