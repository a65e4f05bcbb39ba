import { NotFoundPage } from "../../../components/NotFoundPage";
import { ApiError } from "../../../lib/api";

/** The server answers "not found" alike for what does not exist and what is not the viewer's (or a bad id). */
export const isNotFound = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 400);

export function CheckinNotFound() {
  return (
    <NotFoundPage title="Check-in not found" back={{ to: "/checkins", label: "Go to your check-ins" }}>
      This check-in does not exist, or you neither run it nor take part in it.
    </NotFoundPage>
  );
}

export function OccurrenceNotFound() {
  return (
    <NotFoundPage title="Check-in not found" back={{ to: "/checkins", label: "Go to your check-ins" }}>
      This check-in is not one of yours: each person answers only their own, from their list of check-ins due.
    </NotFoundPage>
  );
}
