import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ERASURE_GRACE_DAYS, type ErasureView } from "../../../contracts/erasure";
import { FormError } from "../../components/FormError";
import { useAction } from "../../lib/action";
import { api, get } from "../../lib/api";
import { can } from "../../lib/permissions";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";

/**
 * Deleting a person's data (issue 17, GDPR art. 17), beside "Download my data": ask for it (carried out
 * after a 30-day grace period), see when, cancel. Given `person`, HR and admins ask on their behalf, and
 * an admin may "Erase now" after typing the person's name. Given `organisation`, its owner deletes the
 * whole organisation, with the same grace period.
 */
export function DataErasure({
  person,
  organisation,
}: {
  person?: { id: string; name: string };
  organisation?: { id: string; name: string };
}) {
  const viewer = useViewer();
  const path = organisation
    ? "/organisation/erasure"
    : person
      ? `/people/${person.id}/erasure`
      : "/me/erasure";
  const key = ["erasure", organisation?.id ?? person?.id ?? "me"];
  const current = useQuery({
    queryKey: key,
    queryFn: () => get<{ erasure: ErasureView | null }>(path),
    select: (d) => d.erasure,
  });
  const [asking, ask] = useDisclosure(false);
  const [erasingNow, eraseNow] = useDisclosure(false);
  const [typed, setTyped] = useState("");
  const request = useAction(
    (immediate: boolean) => api<{ erasure: ErasureView }>("POST", path, immediate ? { immediate } : {}),
    {
      refresh: [key],
      onDone: () => {
        ask.close();
        eraseNow.close();
      },
    },
  );
  const cancel = useAction((id: string) => api<{ erasure: ErasureView }>("DELETE", `/erasures/${id}`), {
    refresh: [key],
    done: "Deletion cancelled",
  });
  const erasure = current.data;
  const whose = organisation
    ? `${organisation.name} and everything in it`
    : person
      ? `${person.name}'s data`
      : "your data";
  if (erasure?.status === "done")
    return (
      <Text size="sm" c="dimmed">
        {person ? `${person.name}'s` : "Your"} data was erased on{" "}
        {formatDateTime(erasure.doneAt ?? erasure.scheduledFor, viewer.zone)}.
      </Text>
    );
  if (erasure?.status === "scheduled")
    return (
      <Stack gap="xs">
        <Alert color="orange" title="Deletion scheduled">
          {whose[0]?.toUpperCase()}
          {whose.slice(1)} will be deleted on {formatDateTime(erasure.scheduledFor, viewer.zone)}. Until then
          it can be cancelled.
        </Alert>
        <FormError error={cancel.error} />
        <Group>
          <Button variant="default" onClick={() => cancel.mutate(erasure.id)} loading={cancel.isPending}>
            Cancel deletion
          </Button>
        </Group>
      </Stack>
    );
  const immediate =
    person && viewer.person.id !== person.id && can.do("erasure.immediate")(viewer.person.role);
  return (
    <Stack gap="xs">
      <FormError error={request.error} />
      <Group>
        <Button color="red" variant="light" onClick={ask.open}>
          {organisation ? "Delete the organisation" : person ? "Request erasure" : "Delete my data"}
        </Button>
        {immediate && (
          <Button color="red" variant="subtle" onClick={eraseNow.open}>
            Erase now
          </Button>
        )}
      </Group>
      <Modal opened={asking} onClose={ask.close} title={`Delete ${whose}?`} centered>
        <Stack>
          <Text size="sm">
            {organisation
              ? `In ${ERASURE_GRACE_DAYS} days Tandem deletes ${whose} for everyone: people, teams, meetings, updates, documents, recordings and check-ins. Export its data first if you need it. Until then you can cancel here.`
              : `In ${ERASURE_GRACE_DAYS} days Tandem deletes ${whose}: notes, answers, pulse, calendars, recordings, sessions and tokens. Shared updates, meetings and decisions stay, shown as written by "A former member". Until then it can be cancelled here.`}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={ask.close}>
              Keep it
            </Button>
            <Button color="red" onClick={() => request.mutate(false)} loading={request.isPending}>
              Delete in {ERASURE_GRACE_DAYS} days
            </Button>
          </Group>
        </Stack>
      </Modal>
      {person && (
        <Modal
          opened={erasingNow}
          onClose={eraseNow.close}
          title={`Erase ${person.name}'s data now?`}
          centered
        >
          <Stack>
            <Text size="sm">
              This cannot be undone: there is no grace period. Type their name to confirm.
            </Text>
            <TextInput label="Their name" value={typed} onChange={(e) => setTyped(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={eraseNow.close}>
                Keep it
              </Button>
              <Button
                color="red"
                disabled={typed.trim() !== person.name}
                onClick={() => request.mutate(true)}
                loading={request.isPending}
              >
                Erase now
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
