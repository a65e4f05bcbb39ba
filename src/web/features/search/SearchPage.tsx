import { Title } from "@mantine/core";

/** Built next (issue 13). */
export function SearchPage() {
  return <Title order={1}>Search</Title>;
}
