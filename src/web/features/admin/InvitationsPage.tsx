import { Badge, Button, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { InvitationLinkView, InvitationView } from "../../../contracts/onboarding";
import { EmptyHint } from "../../components/EmptyHint";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { useAction } from "../../lib/action";
import { api, get } from "../../lib/api";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";
import { INVITATIONS, InvitationLink, InviteForm } from "./InviteForm";

/** Admin and hr: invite people, see who has not accepted yet, send an invitation again. */
export function InvitationsPage() {
  const { zone } = useViewer();
  const pending = useQuery({
    queryKey: INVITATIONS,
    queryFn: () => get<{ invitations: InvitationView[] }>("/invitations"),
    select: (d) => d.invitations,
  });
  const [resent, setResent] = useState<{ name: string; link: InvitationLinkView } | null>(null);
  const resend = useAction(
    async (i: InvitationView) => {
      const { invitation } = await api<{ invitation: InvitationLinkView }>(
        "POST",
        `/invitations/${i.id}/resend`,
      );
      return { name: i.name, link: invitation };
    },
    { refresh: [INVITATIONS], done: "Invitation sent again", onDone: setResent },
  );
  return (
    <Stack>
      <Title order={1} size="h2">
        Invitations
      </Title>
      <Text c="dimmed">
        Bring colleagues in: each gets an email with a link to choose a password and confirm their zone.
      </Text>
      <InviteForm />
      <Title order={3}>Waiting for an answer</Title>
      {!pending.data && <Loading error={pending.error} />}
      {pending.data?.length === 0 && (
        <EmptyHint title="No open invitations">
          Everyone invited has joined. Invite someone above, or import many at once from a CSV file.
        </EmptyHint>
      )}
      {resent && <InvitationLink name={resent.name} link={resent.link} />}
      <FormError error={resend.error} />
      {pending.data && pending.data.length > 0 && (
        <Table aria-label="Open invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Invited</Table.Th>
              <Table.Th>Link works until</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pending.data.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  {i.name}
                  <Text size="xs" c="dimmed">
                    {i.email}
                  </Text>
                </Table.Td>
                <Table.Td>{i.role}</Table.Td>
                <Table.Td>
                  {formatDateTime(i.createdAt, zone)}
                  {i.invitedBy && (
                    <Text size="xs" c="dimmed">
                      by {i.invitedBy.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {i.expired ? <Badge color="orange">expired</Badge> : formatDateTime(i.expiresAt, zone)}
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    aria-label={`Send the invitation to ${i.name} again`}
                    loading={resend.isPending && resend.variables?.id === i.id}
                    onClick={() => resend.mutate(i)}
                  >
                    Send again
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
