import { Alert } from "@mantine/core";
import { FormError } from "../../../components/FormError";

/** An error this page words itself (a refused camera, a file too large), shown as it is. */
export class Sentence extends Error {}

/** The page's own sentences as they are; the server's and the network's as every form shows them. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!(error instanceof Sentence)) return <FormError error={error} />;
  return (
    <Alert color="red" role="alert" title="That did not work">
      {error.message}
    </Alert>
  );
}
