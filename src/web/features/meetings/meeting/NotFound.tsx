import { NotFoundPage } from "../../../components/NotFoundPage";

/** A meeting that does not exist, or one the viewer is not invited to (the server answers both alike). */
export function MeetingNotFound() {
  return (
    <NotFoundPage title="Meeting not found" back={{ to: "/meetings", label: "Go to your meetings" }}>
      There is no such meeting, or you are not invited to it: a meeting is visible to its organiser and
      attendees only. Ask the organiser to add you if you need it.
    </NotFoundPage>
  );
}
