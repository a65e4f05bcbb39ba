import { Title } from "@mantine/core";

/** Built next (issue 13). */
export function DocumentHistoryPage() {
  return <Title order={1}>Docs</Title>;
}
