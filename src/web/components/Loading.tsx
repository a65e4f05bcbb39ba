import { Center, Loader } from "@mantine/core";
import { FormError } from "./FormError";

/** What a page shows while its data loads, or why it could not. */
export function Loading({ error }: { error?: unknown }) {
  if (error) return <FormError error={error} />;
  return (
    <Center p="xl">
      <Loader aria-label="Loading" />
    </Center>
  );
}
