import { Anchor, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import type { BlockerView } from "../../../../contracts/checkins";
import { may } from "../../../../core/access";
import { FormError } from "../../../components/FormError";
import { useAction } from "../../../lib/action";
import { useViewer } from "../../../lib/session";
import { formatDateTime } from "../../../lib/time";
import { checkinKeys, setBlockerStatus } from "../api";

/**
 * Blockers as a list: who is blocked, what by, who can unblock, since when (in the viewer's zone),
 * and Resolve for those who may (the person named, the one blocked, a lead of the ritual's team).
 */
export function BlockerList(props: {
  blockers: BlockerView[];
  /** Whether the viewer leads the team these blockers belong to. */
  leadOf?: boolean;
  /** Name the ritual each came from (lists across rituals). */
  showRitual?: boolean;
}) {
  const viewer = useViewer();
  const resolve = useAction((blocker: BlockerView) => setBlockerStatus(blocker.id, "resolved"), {
    refresh: [checkinKeys.all],
    done: "Blocker resolved",
  });
  return (
    <Stack gap="xs">
      <Stack component="ul" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {props.blockers.map((b) => {
          const mayResolve = may({ role: viewer.person.role }, "blocker.resolve", {
            self: b.assignee?.id === viewer.person.id,
            authorOf: b.author.id === viewer.person.id,
            leadOf: props.leadOf ?? false,
          });
          return (
            <Group
              component="li"
              key={b.id}
              justify="space-between"
              align="flex-start"
              wrap="nowrap"
              gap="sm"
            >
              <Stack gap={2}>
                <Text size="sm">
                  <Text span fw={600} inherit>
                    {b.author.id === viewer.person.id ? "You" : b.author.name}
                  </Text>{" "}
                  {b.author.id === viewer.person.id ? "are" : "is"} blocked: {b.text}
                </Text>
                <Text size="xs" c="dimmed">
                  {b.assignee
                    ? `Who can unblock: ${b.assignee.id === viewer.person.id ? "you" : b.assignee.name}`
                    : "Nobody named to unblock"}
                  {" · "}since {formatDateTime(b.createdAt, viewer.zone)}
                  {props.showRitual && (
                    <>
                      {" · "}
                      <Anchor component={Link} to={`/checkins/${b.checkinId}`} inherit underline="always">
                        {b.checkinName}
                      </Anchor>
                    </>
                  )}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                {b.urgent && (
                  <Badge color="red" variant="light">
                    Urgent
                  </Badge>
                )}
                {b.status === "resolved" ? (
                  <Badge color="green" variant="light">
                    Resolved
                  </Badge>
                ) : mayResolve ? (
                  <Button
                    size="compact-sm"
                    variant="light"
                    loading={resolve.isPending && resolve.variables?.id === b.id}
                    disabled={resolve.isPending}
                    onClick={() => resolve.mutate(b)}
                    aria-label={`Resolve: ${b.text}`}
                  >
                    Resolve
                  </Button>
                ) : (
                  <Badge variant="light">Open</Badge>
                )}
              </Group>
            </Group>
          );
        })}
      </Stack>
      <FormError error={resolve.error} />
    </Stack>
  );
}
