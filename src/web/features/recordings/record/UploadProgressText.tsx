import { Progress, Stack, Text } from "@mantine/core";
import type { UploadProgress } from "../uploader";

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(bytes / 1024)} kB`;

/** "Sent 4 of 5 parts (1.2 MB of 1.5 MB)", a bar, and while the connection is down when it tries again. */
export function UploadProgressText({ progress }: { progress: UploadProgress }) {
  const { sent, recorded, bytesSent, bytesRecorded, retryInSeconds } = progress;
  return (
    <Stack gap={4}>
      <Progress
        value={recorded === 0 ? 0 : (100 * bytesSent) / Math.max(1, bytesRecorded)}
        aria-label="Upload progress"
      />
      <Text size="sm" c="dimmed">
        Uploaded {sent} of {recorded} {recorded === 1 ? "part" : "parts"} ({size(bytesSent)} of{" "}
        {size(bytesRecorded)})
      </Text>
      {retryInSeconds !== null && (
        <Text size="sm" c="orange.8">
          The connection dropped; trying again in {retryInSeconds} s. What was recorded is kept in this
          browser.
        </Text>
      )}
    </Stack>
  );
}
