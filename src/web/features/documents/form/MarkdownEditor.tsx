import { SimpleGrid, Textarea } from "@mantine/core";
import type { ReactNode } from "react";
import { MarkdownPreview } from "../../../components/MarkdownPreview";

/** The body in markdown, with the server's preview (or `beside`) next to it, below it on a phone. */
export function MarkdownEditor(props: {
  value: string;
  onChange: (body: string) => void;
  error?: string;
  label?: string;
  /** Shown instead of the preview (the text someone had before taking another version). */
  beside?: ReactNode;
}) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Textarea
        label={props.label ?? "Text (markdown)"}
        description="Link another document with [[Its title]] or by pasting its address."
        autosize
        minRows={10}
        maxRows={40}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        error={props.error}
      />
      {props.beside ?? <MarkdownPreview source={props.value} label="Preview of the document" />}
    </SimpleGrid>
  );
}
