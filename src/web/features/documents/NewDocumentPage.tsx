import { Title } from "@mantine/core";

/** Built next (issue 13). */
export function NewDocumentPage() {
  return <Title order={1}>Docs</Title>;
}
