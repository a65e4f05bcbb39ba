import { VisuallyHidden } from "@mantine/core";
import { useCallback, useState } from "react";

/** A polite live region for a few words at a time ("Recording", "Paused"), never every tick of the timer. */
export function useAnnouncer() {
  const [message, setMessage] = useState("");
  const announce = useCallback((text: string) => setMessage(text), []);
  const region = (
    <VisuallyHidden role="status" aria-live="polite">
      {message}
    </VisuallyHidden>
  );
  return { announce, region };
}
