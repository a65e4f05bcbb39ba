import { Alert, Card, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ApiTokenView, CreatedApiTokenView } from "../../../contracts/auth";
import { ConfirmButton } from "../../components/ConfirmButton";
import { CopyValue } from "../../components/CopyValue";
import { EmptyHint } from "../../components/EmptyHint";
import { FormError } from "../../components/FormError";
import { Loading } from "../../components/Loading";
import { NameForm } from "../../components/NameForm";
import { useAction } from "../../lib/action";
import { api, get } from "../../lib/api";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";

const TOKENS = ["me", "tokens"];

/** Personal API tokens: created (shown once), listed with last use, revoked. */
export function TokensPage() {
  const { zone } = useViewer();
  const tokens = useQuery({
    queryKey: TOKENS,
    queryFn: () => get<{ tokens: ApiTokenView[] }>("/me/tokens"),
    select: (d) => d.tokens,
  });
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const create = useAction(() => api<CreatedApiTokenView>("POST", "/me/tokens", { name }), {
    refresh: [TOKENS],
    onDone: (token) => {
      setCreated(token);
      setName("");
    },
  });
  const revoke = useAction((id: string) => api("DELETE", `/me/tokens/${id}`), {
    refresh: [TOKENS],
    done: "Token revoked",
  });
  return (
    <Stack>
      <Title order={1} size="h2">
        API tokens
      </Title>
      <Text c="dimmed">
        A token lets a script or another tool use the Tandem API as you (send it as{" "}
        <code>Authorization: Bearer …</code>). Revoke any token you no longer use.
      </Text>
      <Card withBorder>
        <NameForm
          formLabel="Create a token"
          label="Token name"
          description="What will use it, e.g. “calendar script”"
          value={name}
          onChange={setName}
          action="Create token"
          save={create}
        />
      </Card>
      {created && (
        <Alert color="yellow" title={`Your new token “${created.name}”`}>
          <Stack gap="xs">
            <Text size="sm">Copy it now: it is shown only once. Anyone holding it can act as you.</Text>
            <CopyValue value={created.token} label="token" />
          </Stack>
        </Alert>
      )}
      {!tokens.data && <Loading error={tokens.error} />}
      {tokens.data?.length === 0 && (
        <EmptyHint title="No tokens yet">
          Create one above when a script or tool needs to use the API as you.
        </EmptyHint>
      )}
      {tokens.data && tokens.data.length > 0 && (
        <Table aria-label="Your tokens">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{t.name}</Table.Td>
                <Table.Td>{formatDateTime(t.createdAt, zone)}</Table.Td>
                <Table.Td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt, zone) : "never"}</Table.Td>
                <Table.Td>
                  <ConfirmButton
                    question={`Revoke “${t.name}”? Anything using it stops working at once.`}
                    confirmLabel="Revoke token"
                    aria-label={`Revoke ${t.name}`}
                    onConfirm={() => revoke.mutate(t.id)}
                  >
                    Revoke
                  </ConfirmButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormError error={revoke.error} />
    </Stack>
  );
}
