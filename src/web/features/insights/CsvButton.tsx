import { Button } from "@mantine/core";
import { downloadCsv } from "./csv";

/** "Download CSV" of what the page shows (the file is made from the same answer, nothing more). */
export function CsvButton(props: { name: string; csv: () => string }) {
  return (
    <Button variant="default" size="xs" w="fit-content" onClick={() => downloadCsv(props.name, props.csv())}>
      Download CSV
    </Button>
  );
}
