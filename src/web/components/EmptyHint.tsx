import { EmptyState } from "@mantine/core";
import type { ReactNode } from "react";

/** An empty list that says what it is for and offers the first action. */
export function EmptyHint(props: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <EmptyState title={props.title} description={props.children} align="left" size="sm">
      {props.action && <EmptyState.Actions>{props.action}</EmptyState.Actions>}
    </EmptyState>
  );
}
