import { SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { MarkdownPreview } from "../agreement";

/** A policy's title and markdown body, with a live preview of the body. */
export function PolicyFields(props: {
  title: string;
  body: string;
  onChange(next: { title: string; body: string }): void;
  errors: Record<string, string>;
}) {
  const { title, body, onChange, errors } = props;
  return (
    <>
      <TextInput
        label="Title"
        required
        value={title}
        onChange={(e) => onChange({ title: e.currentTarget.value, body })}
        error={errors.title}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Textarea
          label="Text (markdown)"
          autosize
          minRows={8}
          maxRows={30}
          value={body}
          onChange={(e) => onChange({ title, body: e.currentTarget.value })}
          error={errors.body}
        />
        <MarkdownPreview source={body} label="Preview of the policy text" />
      </SimpleGrid>
    </>
  );
}
