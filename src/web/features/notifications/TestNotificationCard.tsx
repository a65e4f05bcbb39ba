import { Button, Group } from "@mantine/core";
import { useState } from "react";
import { FormError } from "../../components/FormError";
import { SectionCard } from "../../components/SectionCard";
import { UrgentSwitch } from "../../components/UrgentSwitch";
import { useAction } from "../../lib/action";
import { api } from "../../lib/api";
import { notificationKeys } from "./api";

/** Sends the person a notification through the real path, to see where and when it arrives. */
export function TestNotificationCard() {
  const [urgent, setUrgent] = useState(false);
  const send = useAction(() => api<{ id: string }>("POST", "/notifications/test", { urgent }), {
    refresh: [notificationKeys.inbox],
    done: urgent
      ? "Test notification sent: it is in your inbox now."
      : "Test notification sent: it arrives in your inbox within your notification hours.",
  });
  return (
    <SectionCard
      id="test"
      title="Try it"
      intro="Send yourself a notification to see where and when it arrives."
    >
      <UrgentSwitch checked={urgent} onChange={setUrgent} />
      <FormError error={send.error} />
      <Group>
        <Button variant="default" loading={send.isPending} onClick={() => send.mutate(undefined)}>
          Send me a test notification
        </Button>
      </Group>
    </SectionCard>
  );
}
