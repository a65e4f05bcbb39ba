import { List } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Violation } from "./api";

/** The agreement's warnings about a meeting just saved, in a notification that stays until closed. */
export function showAgreementWarnings(title: string, warnings: Violation[]): void {
  if (warnings.length === 0) return;
  notifications.show({
    title,
    color: "yellow",
    autoClose: false,
    message: (
      <List size="sm">
        {warnings.map((w) => (
          <List.Item key={`${w.ruleId}-${w.personId ?? ""}-${w.text}`}>{w.text}</List.Item>
        ))}
      </List>
    ),
  });
}
