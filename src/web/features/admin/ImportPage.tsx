import {
  Alert,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  List,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import {
  IMPORT_COLUMNS,
  IMPORT_SYNC_MAX_ROWS,
  type ImportAnswer,
  type ImportReport,
  type PeopleImportView,
} from "../../../contracts/onboarding";
import { FormError } from "../../components/FormError";
import { useAction } from "../../lib/action";
import { ApiError, get, upload } from "../../lib/api";
import { keys } from "../../lib/resources";
import { INVITATIONS } from "./InviteForm";

/** Admin and hr: invite many people from a CSV file, with progress and a report per row. */
export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const run = useAction(
    async (chosen: File) => {
      setProgress(0);
      return upload<ImportAnswer>(
        "/people/import",
        { type: "text/csv", data: await chosen.text() },
        setProgress,
      );
    },
    { refresh: [keys.people, keys.teams, INVITATIONS] },
  );
  const job = run.data && "import" in run.data ? run.data.import : undefined;
  const followed = useImportJob(job?.id);
  const report =
    run.data && !("import" in run.data)
      ? run.data
      : followed?.status === "done"
        ? followed.report
        : undefined;
  return (
    <Stack>
      <Title order={1} size="h2">
        Import people
      </Title>
      <Text c="dimmed">
        Invite many people at once. The file needs a header row with the columns{" "}
        <Code>{IMPORT_COLUMNS.join(",")}</Code>; <Code>team</Code> may be empty or name an existing team. Rows
        whose email is already here are skipped; a malformed file imports nothing and names the line to fix. A
        file of more than {IMPORT_SYNC_MAX_ROWS} people imports in the background: you can follow it here.
      </Text>
      <Card withBorder>
        <Stack gap="sm">
          <FileInput
            label="CSV file"
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ "aria-label": "Clear the chosen file" }}
          />
          <Group>
            <Button disabled={!file} loading={run.isPending} onClick={() => file && run.mutate(file)}>
              Import
            </Button>
          </Group>
          {run.isPending && (
            <Stack gap={4}>
              <Text size="sm">
                {progress < 1 ? "Uploading…" : "Creating people and sending invitations…"}
              </Text>
              <Progress
                value={progress < 1 ? progress * 100 : 100}
                animated={progress >= 1}
                striped={progress >= 1}
                aria-label="Import progress"
              />
            </Stack>
          )}
          {job && <JobProgress view={followed ?? job} />}
          <FormError error={run.error} />
          <FileProblems error={run.error} />
        </Stack>
      </Card>
      {report && <ReportTable report={report} />}
    </Stack>
  );
}

/** Polls a background import every second until it is done or failed, then refreshes the lists. */
function useImportJob(id: string | undefined): PeopleImportView | undefined {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ["people-import", id],
    queryFn: () => get<{ import: PeopleImportView }>(`/people/imports/${id}`).then((r) => r.import),
    enabled: Boolean(id),
    refetchInterval: (q) =>
      q.state.data && q.state.data.status !== "queued" && q.state.data.status !== "running" ? false : 1000,
  });
  const finished = query.data?.status === "done";
  useEffect(() => {
    if (!finished) return;
    for (const key of [keys.people, keys.teams, INVITATIONS])
      void client.invalidateQueries({ queryKey: key });
  }, [finished, client]);
  return query.data;
}

function JobProgress({ view }: { view: PeopleImportView }) {
  if (view.status === "failed") {
    return (
      <Alert color="red" title="Import stopped">
        {view.error} {view.processed} of {view.total} rows were imported before it stopped.
      </Alert>
    );
  }
  if (view.status === "done") return null;
  return (
    <Stack gap={4}>
      <Text size="sm" aria-live="polite">
        {view.status === "queued" ? "Waiting to start…" : `Imported ${view.processed} of ${view.total} rows…`}
      </Text>
      <Progress value={(view.processed / view.total) * 100} aria-label="Import progress" />
    </Stack>
  );
}

function ReportTable({ report }: { report: ImportReport }) {
  return (
    <>
      {report && (
        <Stack gap="sm">
          <Alert color={report.skipped.length ? "yellow" : "green"} title="Import finished">
            {report.created.length} invited, {report.skipped.length} skipped.
          </Alert>
          <Table aria-label="Import report">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Result</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[
                ...report.created.map((r) => ({ ...r, result: "invited" })),
                ...report.skipped.map((r) => ({ ...r, result: `skipped: ${r.reason}` })),
              ]
                .sort((a, b) => a.row - b.row)
                .map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.email}</Table.Td>
                    <Table.Td>{r.result}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </>
  );
}

/** Every line the server found wrong in a rejected file, so all can be fixed in one go. */
function FileProblems({ error }: { error: unknown }) {
  const problems =
    error instanceof ApiError
      ? ((error.body?.details as { problems?: { line: number; message: string }[] } | undefined)?.problems ??
        [])
      : [];
  if (problems.length === 0) return null;
  return (
    <List size="sm" aria-label="Lines to fix">
      {problems.map((p) => (
        <List.Item key={`${p.line}-${p.message}`}>
          Line {p.line}: {p.message}
        </List.Item>
      ))}
    </List>
  );
}
