import { Badge, Table, Text } from "@mantine/core";
import { EmptyHint } from "../../components/EmptyHint";
import { Loading } from "../../components/Loading";
import { useViewer } from "../../lib/session";
import { formatDateTime } from "../../lib/time";
import { useDeliveries } from "./api";
import { DELIVERY_STATUS } from "./webhook-text";

/** The webhook's last deliveries, newest first: status, attempts, the last error, times in the viewer's zone. */
export function WebhookDeliveries({ id }: { id: string }) {
  const { zone } = useViewer();
  const deliveries = useDeliveries(id);
  if (!deliveries.data) return <Loading error={deliveries.error} />;
  if (deliveries.data.length === 0)
    return (
      <EmptyHint title="No deliveries yet">
        Each event sent to this webhook appears here with its status; send a test event to try it.
      </EmptyHint>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Attempts</Table.Th>
            <Table.Th>Last error</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Next attempt</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.data.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.event}</Table.Td>
              <Table.Td>
                <Badge color={DELIVERY_STATUS[d.status].color} variant="light">
                  {DELIVERY_STATUS[d.status].label}
                </Badge>
              </Table.Td>
              <Table.Td>{d.attempts}</Table.Td>
              <Table.Td>
                <Text size="sm">{d.lastError ?? "—"}</Text>
              </Table.Td>
              <Table.Td>{formatDateTime(d.createdAt, zone)}</Table.Td>
              <Table.Td>{d.nextAttemptAt ? formatDateTime(d.nextAttemptAt, zone) : "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
