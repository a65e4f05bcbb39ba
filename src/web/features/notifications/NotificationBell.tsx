import { ActionIcon, Indicator } from "@mantine/core";
import { Link } from "react-router";
import { useUnreadCount } from "./api";

/**
 * The top bar's bell: a link to the inbox carrying the unread count, kept fresh by live events
 * (`notification.delivered`). The count sits inside the link, whose name says it in words.
 */
export function NotificationBell() {
  const unread = useUnreadCount().data ?? 0;
  return (
    <ActionIcon
      component={Link}
      to="/inbox"
      variant="subtle"
      color="gray"
      size="lg"
      aria-label={`Notifications, ${unread} unread`}
    >
      <Indicator label={unread > 99 ? "99+" : unread} disabled={unread === 0} size={16} color="red.9">
        <BellIcon />
      </Indicator>
    </ActionIcon>
  );
}

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" aria-hidden="true">
      <path
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0"
      />
    </svg>
  );
}
