import { Alert } from "@mantine/core";
import { ApiError } from "../lib/api";

/** The server's message for a failed action, saying what to do next. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const message =
    error instanceof ApiError ? error.message : "Something went wrong; check your connection and try again.";
  return (
    <Alert color="red" role="alert" title="That did not work">
      {message}
    </Alert>
  );
}
