import { Badge } from "@mantine/core";
import { isWorkingAt, type WeekPattern } from "../../core/time";

/** "working now" or "off", from the person's working pattern in their zone. */
export function WorkingBadge({
  pattern,
  now,
}: {
  pattern: { timeZone: string; week: WeekPattern };
  now: number;
}) {
  const working = isWorkingAt(pattern, now);
  return (
    <Badge color={working ? "green" : "gray"} variant="light">
      {working ? "working now" : "off"}
    </Badge>
  );
}
