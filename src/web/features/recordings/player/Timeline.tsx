import { Box, Tooltip, UnstyledButton } from "@mantine/core";
import type { PlacedMark } from "./timeline";

/** The thin bar under the video with a button per timed comment; clicking one plays from that moment. */
export function Timeline(props: { marks: readonly PlacedMark[]; onSeek: (ms: number) => void }) {
  if (props.marks.length === 0) return null;
  return (
    <Box
      role="group"
      aria-label="Comments along the video"
      pos="relative"
      h={14}
      mx={7}
      style={{ display: "flex", alignItems: "center" }}
    >
      <Box w="100%" h={4} bg="var(--mantine-color-default-border)" style={{ borderRadius: 2 }} />
      {props.marks.map((mark) => (
        <Tooltip key={mark.id} label={mark.label} withArrow>
          <UnstyledButton
            aria-label={mark.label}
            onClick={() => props.onSeek(mark.atMs)}
            pos="absolute"
            top={0}
            w={14}
            h={14}
            bg="var(--mantine-primary-color-filled)"
            style={{
              left: `calc(${mark.fraction * 100}% - 7px)`,
              borderRadius: "50%",
              border: "2px solid var(--mantine-color-body)",
            }}
          />
        </Tooltip>
      ))}
    </Box>
  );
}
