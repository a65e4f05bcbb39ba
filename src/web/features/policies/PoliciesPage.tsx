import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { fieldErrors, useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";
import { mayPublish } from "../agreement";
import { type PolicyView, policyKeys, useMyPendingPolicies, usePolicies, usePolicyTemplates } from "./api";
import { PolicyFields } from "./PolicyFields";

/** Every policy with whether I have acknowledged its current version; admin and hr start new ones. */
export function PoliciesPage() {
  const viewer = useViewer();
  const publisher = mayPublish(viewer.person.role);
  const policies = usePolicies();
  const pending = useMyPendingPolicies();
  if (!policies.data) return <Loading error={policies.error} />;
  const toAcknowledge = pending.data && new Set(pending.data.map((p) => p.id));
  return (
    <Stack>
      <Anchor component={Link} to="/agreement" size="sm">
        ← Working agreement
      </Anchor>
      <Title order={1} size="h2">
        Policies
      </Title>
      <Text c="dimmed">
        The organisation's HR policies, such as flexible working and the right to disconnect. Each has
        versions, and everyone acknowledges the current one.
      </Text>
      {policies.data.length === 0 ? (
        <EmptyHint title="No policies yet">
          {publisher
            ? "Policies are documents people read and acknowledge. Start one from a template below: each is ready to adopt after light edits."
            : "When HR publishes a policy, it appears here for you to read and acknowledge."}
        </EmptyHint>
      ) : (
        <Stack
          gap="sm"
          component="ul"
          aria-label="Policies"
          style={{ listStyle: "none", padding: 0, margin: 0 }}
        >
          {policies.data.map((p) => (
            <PolicyRow key={p.id} policy={p} pending={toAcknowledge?.has(p.id)} zone={viewer.zone} />
          ))}
        </Stack>
      )}
      {publisher && <NewPolicy />}
    </Stack>
  );
}

function PolicyRow(props: { policy: PolicyView; pending: boolean | undefined; zone: string }) {
  const { policy, pending, zone } = props;
  return (
    <Card withBorder component="li" padding="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Anchor component={Link} to={`/agreement/policies/${policy.id}`} fw={600}>
          {policy.title}
        </Anchor>
        {pending === true && (
          <Badge color="orange" variant="light">
            To acknowledge
          </Badge>
        )}
        {pending === false && (
          <Badge color="green" variant="light">
            Acknowledged
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        Version {policy.version} · {formatDateTime(policy.publishedAt, zone)}
      </Text>
    </Card>
  );
}

function NewPolicy() {
  const templates = usePolicyTemplates(true);
  const navigate = useNavigate();
  const [blank, setBlank] = useState<{ title: string; body: string } | null>(null);
  const create = useAction(
    (input: { templateId?: string; title: string; body?: string }) =>
      api<{ policy: PolicyView }>("POST", "/policies", input),
    {
      refresh: [policyKeys.all],
      done: "Policy published: everyone is asked to acknowledge it.",
      onDone: ({ policy }) => navigate(`/agreement/policies/${policy.id}`),
    },
  );
  const onBlank = (e: FormEvent) => {
    e.preventDefault();
    if (blank) create.mutate(blank);
  };
  return (
    <Stack component="section" aria-labelledby="new-policy-heading">
      <Title order={3} id="new-policy-heading">
        New policy
      </Title>
      <Text size="sm" c="dimmed">
        A template is published as version 1 straight away; edit it afterwards to make a new version.
      </Text>
      {!templates.data && <Loading error={templates.error} />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {templates.data?.map((t) => (
          <Card key={t.id} withBorder component="article" aria-label={t.title}>
            <Stack gap="xs" h="100%" justify="space-between">
              <div>
                <Text fw={600}>{t.title}</Text>
                <Text size="sm">{t.summary}</Text>
              </div>
              <Group>
                <Button
                  variant="light"
                  aria-label={`Start from the ${t.title} template`}
                  loading={create.isPending && create.variables?.templateId === t.id}
                  onClick={() => create.mutate({ templateId: t.id, title: t.title })}
                >
                  Start from this template
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {blank === null ? (
        <Group>
          <Button variant="default" onClick={() => setBlank({ title: "", body: "" })}>
            Write a blank policy
          </Button>
        </Group>
      ) : (
        <Card withBorder>
          <form onSubmit={onBlank} aria-label="Blank policy">
            <Stack>
              <PolicyFields {...blank} onChange={setBlank} errors={fieldErrors(create.error)} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setBlank(null)}>
                  Cancel
                </Button>
                <Button type="submit" loading={create.isPending && !create.variables?.templateId}>
                  Publish the policy
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      <FormError error={create.error} />
    </Stack>
  );
}
