import { Badge, Button, Code, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { OperationsView } from "../../../contracts/operations";
import { EmptyHint } from "../../components/EmptyHint";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { SectionCard } from "../../components/SectionCard";
import { useAction } from "../../lib/action";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";
import { operationsKey, retryJob, useOperations } from "./api";

/** Admin: is this Tandem healthy? Version, database, jobs, last backup, mail and webhook delivery. */
export function OperationsPage() {
  const operations = useOperations();
  return (
    <Stack>
      <Title order={1} size="h2">
        Operations
      </Title>
      <Text c="dimmed">
        How this Tandem is doing: what runs, what failed, and when it was last backed up.
      </Text>
      {!operations.data && <Loading error={operations.error} />}
      {operations.data && <Figures view={operations.data} />}
    </Stack>
  );
}

function Figures({ view }: { view: OperationsView }) {
  const { zone } = useViewer();
  const when = (iso: string) => formatDateTime(iso, zone);
  const database = view.database.kind === "pglite" ? "the embedded database" : "PostgreSQL";
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SectionCard id="instance" title="This instance">
          <Text>
            Tandem {view.version} on {database}, which holds {megabytes(view.database.sizeBytes)}.
          </Text>
        </SectionCard>
        <SectionCard id="backup" title="Backups">
          <Text>
            {view.lastBackupAt
              ? `Last backup: ${when(view.lastBackupAt)}.`
              : "No backup has been taken with tandem backup yet."}
          </Text>
          <Text size="sm" c="dimmed">
            {view.database.kind === "pglite" ? (
              <>
                How to back up: run <Code>tandem backup tandem-backup.tar</Code> on the server (it works while
                Tandem runs), and <Code>tandem backup --verify</Code> to check a file.
              </>
            ) : (
              <>
                How to back up: <Code>pg_dump -Fc</Code> of the database, restored with{" "}
                <Code>pg_restore --clean</Code> (see the README's Backups section).
              </>
            )}
          </Text>
        </SectionCard>
        <SectionCard id="mail" title="Email">
          <Health ok={view.mail.configured && view.mail.failedLast24h === 0}>
            {view.mail.configured
              ? `${view.mail.sentLast24h} sent and ${view.mail.failedLast24h} failed in the last 24 hours.`
              : "No mail server is configured (SMTP_URL): emails are kept in the outbox for you to pass on."}
          </Health>
          {view.mail.lastError && <Text size="sm">Last error: {view.mail.lastError}</Text>}
        </SectionCard>
        <SectionCard id="webhooks" title="Webhooks">
          <Health ok={view.webhooks.failing === 0 && view.webhooks.disabled === 0}>
            {`${view.webhooks.active} active, ${view.webhooks.failing} failing, ${view.webhooks.disabled} turned off after failing.`}
          </Health>
          {view.webhooks.lastFailureAt && (
            <Text size="sm">Failing since {when(view.webhooks.lastFailureAt)}.</Text>
          )}
        </SectionCard>
      </SimpleGrid>
      <Jobs view={view} when={when} />
    </Stack>
  );
}

function Jobs({ view, when }: { view: OperationsView; when: (iso: string) => string }) {
  const retry = useAction(retryJob, { refresh: [operationsKey], done: "The job will run again" });
  return (
    <SectionCard
      id="jobs"
      title="Background jobs"
      intro="Emails, reminders, digests and imports run as jobs; a job that failed for good can be run again."
    >
      <Text>
        {view.jobs.queued} waiting to run, {view.jobs.failed} failed.
      </Text>
      <FormError error={retry.error} />
      {view.jobs.failedJobs.length === 0 ? (
        <EmptyHint title="No failed jobs">Jobs that fail after their retries are listed here.</EmptyHint>
      ) : (
        <Table aria-label="Failed jobs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Job</Table.Th>
              <Table.Th>Failed</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.jobs.failedJobs.map((job) => (
              <Table.Tr key={job.id}>
                <Table.Td>{job.name}</Table.Td>
                <Table.Td>{job.failedAt ? when(job.failedAt) : "—"}</Table.Td>
                <Table.Td>{job.error ?? "No reason was recorded"}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    loading={retry.isPending && retry.variables === job.id}
                    onClick={() => retry.mutate(job.id)}
                    aria-label={`Retry ${job.name} (failed ${job.failedAt ? when(job.failedAt) : ""})`}
                  >
                    Retry
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}

function Health({ ok, children }: { ok: boolean; children: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Badge color={ok ? "green" : "orange"} variant="light" style={{ flexShrink: 0 }}>
        {ok ? "healthy" : "needs a look"}
      </Badge>
      <Text size="sm">{children}</Text>
    </Group>
  );
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
