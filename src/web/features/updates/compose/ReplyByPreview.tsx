import { List, Loader, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { Urgency } from "../../../../contracts/updates";
import { FormError } from "../../../components/FormError";
import { formatDateTime } from "../../../lib/time";
import { useReplyByPreview } from "../api";

/** Waits for a pause in picking before asking the server, so each pick does not send a request. */
const DEBOUNCE_MS = 400;

/**
 * Before posting: when each required responder will have had the agreement's hours of their own
 * working time, in the author's zone and, beside each name, on the responder's own clock.
 */
export function ReplyByPreview(props: { urgency: Urgency; responderIds: string[]; viewerZone: string }) {
  // A string, so an unchanged choice is the same value on every render (an object would restart the wait).
  const [asked] = useDebouncedValue(JSON.stringify([props.urgency, props.responderIds]), DEBOUNCE_MS);
  const [urgency, requiredResponderIds] = JSON.parse(asked) as [Urgency, string[]];
  const preview = useReplyByPreview({ urgency, requiredResponderIds });
  if (props.responderIds.length === 0) return null;
  if (preview.error) return <FormError error={preview.error} />;
  const data = preview.data;
  if (!data)
    return (
      <Text size="sm" c="dimmed">
        <Loader size="xs" mr={6} aria-hidden />
        Working out when each person replies by…
      </Text>
    );
  const zone = props.viewerZone;
  return (
    <Stack gap={4} role="region" aria-label="Reply-by of each responder" aria-live="polite">
      <Text size="sm">
        {data.replyBy
          ? `Replies are due by ${formatDateTime(data.replyBy, zone)} your time: ${data.hours} working hour${data.hours === 1 ? "" : "s"} of each person.`
          : "Someone has no working time in the next 30 days, so there is no reply-by for them."}
      </Text>
      <List size="sm" spacing={2}>
        {data.responders.map((r) => (
          <List.Item key={r.personId}>
            <Text component="span" fw={500} inherit>
              {r.name}
            </Text>
            {r.replyBy ? (
              <>
                {" "}
                · reply by {formatDateTime(r.replyBy, zone)} your time
                {formatDateTime(r.replyBy, r.timeZone) !== formatDateTime(r.replyBy, zone) && (
                  <Text component="span" c="dimmed" inherit>
                    {" "}
                    · {formatDateTime(r.replyBy, r.timeZone)} their time
                  </Text>
                )}
              </>
            ) : (
              " · no working time in the next 30 days"
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
