import { Alert, Anchor, Button, Group, Progress, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ExportView } from "../../../contracts/exports";
import { FormError } from "../../components/FormError";
import { useAction } from "../../lib/action";
import { ApiError, api, get } from "../../lib/api";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";

const BUILDING = ["queued", "running"];
/** The last export asked for here, kept in the browser so a reload finds it again. */
const keptKey = (subjectId: string) => `tandem:data-export:${subjectId}`;

/**
 * "Download my data" (issue 17, GDPR art. 15/20): asks for a ZIP of everything Tandem holds about the
 * person, shows the job's progress, then a Download link valid for 24 hours. Given `person`, HR or an
 * admin exports someone else's data on their request ("Export their data"); given `organisation`, the
 * owner exports everything of the organisation.
 */
export function DataExport({
  person,
  organisation,
}: {
  person?: { id: string; name: string };
  organisation?: { id: string; name: string };
}) {
  const viewer = useViewer();
  const personId = organisation?.id ?? person?.id ?? viewer.person.id;
  const path = organisation ? "/organisation/export" : person ? `/people/${person.id}/export` : "/me/export";
  const whose = organisation ? `for ${organisation.name}` : person ? `for ${person.name}` : "your data";
  const [id, setId] = useState<string | null>(() => localStorage.getItem(keptKey(personId)));
  const current = useQuery({
    queryKey: ["exports", id],
    queryFn: () => get<{ export: ExportView }>(`/exports/${id}`),
    select: (d) => d.export,
    enabled: id !== null,
    retry: false,
    refetchInterval: (query) => (BUILDING.includes(query.state.data?.export.status ?? "") ? 1000 : false),
  });
  // An export that is gone (or someone else's, after signing in as another person) is forgotten.
  useEffect(() => {
    if (current.error instanceof ApiError && current.error.status === 404) {
      localStorage.removeItem(keptKey(personId));
      setId(null);
    }
  }, [current.error, personId]);
  const start = useAction(() => api<{ export: ExportView }>("POST", path), {
    onDone: ({ export: started }) => {
      localStorage.setItem(keptKey(personId), started.id);
      setId(started.id);
    },
  });
  const view = id ? current.data : undefined;
  const building = view && BUILDING.includes(view.status);
  return (
    <Stack gap="xs">
      {building && (
        <Stack gap={4}>
          <Text size="sm">Preparing the file… {view.progress}%</Text>
          <Progress value={view.progress} aria-label="Export progress" animated />
        </Stack>
      )}
      {view?.status === "ready" && view.downloadUrl && (
        <Group gap="xs">
          <Anchor href={view.downloadUrl} download fw={600}>
            Download
          </Anchor>
          <Text size="sm" c="dimmed">
            the ZIP ({whose}), until{" "}
            {view.expiresAt ? formatDateTime(view.expiresAt, viewer.zone) : "tomorrow"}
          </Text>
        </Group>
      )}
      {view?.status === "expired" && (
        <Text size="sm" c="dimmed">
          The last download link has expired (links last 24 hours); ask for a new file.
        </Text>
      )}
      {view?.status === "failed" && (
        <Alert color="red" role="alert" title="The export failed">
          Ask for a new one; tell an admin if it fails again.
        </Alert>
      )}
      <FormError error={start.error} />
      {!building && (
        <Group>
          <Button variant="light" onClick={() => start.mutate(undefined)} loading={start.isPending}>
            {organisation ? "Export all its data" : person ? "Export their data" : "Download my data"}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
