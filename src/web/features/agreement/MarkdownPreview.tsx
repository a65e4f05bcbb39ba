import { Code, List, Paper, Text, Typography } from "@mantine/core";
import { type Block, type Inline, parseMarkdown } from "./markdown-lite";

function Inlines({ content }: { content: Inline[] }) {
  return content.map((part, i) => {
    const key = `${i}-${part.kind}`;
    switch (part.kind) {
      case "strong":
        return <strong key={key}>{part.text}</strong>;
      case "em":
        return <em key={key}>{part.text}</em>;
      case "code":
        return <Code key={key}>{part.text}</Code>;
      case "link":
        return (
          <Text key={key} span td="underline" title={part.href}>
            {part.text}
          </Text>
        );
      default:
        return <span key={key}>{part.text}</span>;
    }
  });
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case "heading":
      return (
        <Text fw={700} size={block.level <= 2 ? "lg" : "md"}>
          <Inlines content={block.content} />
        </Text>
      );
    case "list":
      return (
        <List type={block.ordered ? "ordered" : "unordered"} size="sm">
          {block.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity beyond their place
            <List.Item key={i}>
              <Inlines content={item} />
            </List.Item>
          ))}
        </List>
      );
    case "code":
      return <Code block>{block.text}</Code>;
    default:
      return (
        <Text size="sm">
          {block.lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity beyond their place
            <span key={i}>
              {i > 0 && <br />}
              <Inlines content={line} />
            </span>
          ))}
        </Text>
      );
  }
}

/** A live preview of markdown being typed, rendered as plain elements (never as HTML). */
export function MarkdownPreview({ source, label }: { source: string; label: string }) {
  const blocks = parseMarkdown(source);
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-default-hover)" aria-label={label} role="region">
      <Text size="xs" c="dimmed" mb={4}>
        Preview
      </Text>
      {blocks.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing written yet.
        </Text>
      ) : (
        <Typography>
          {blocks.map((block, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks are re-parsed on every keystroke
            <BlockView key={i} block={block} />
          ))}
        </Typography>
      )}
    </Paper>
  );
}

/** Text rendered and sanitised by the server (markdown-it with raw HTML escaped). */
export function ServerHtml({ html }: { html: string }) {
  return (
    <Typography>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server's markdown renderer */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
