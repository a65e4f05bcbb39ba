import { NotFoundPage } from "../../../components/NotFoundPage";

/** An update that does not exist, or one not addressed to the viewer (the server answers both alike). */
export function UpdateNotFound() {
  return (
    <NotFoundPage title="Update not found" back={{ to: "/updates", label: "Go to your feed" }}>
      This update does not exist or is not addressed to you. An update is visible to its author and the
      people, team or organisation it was written for; it may also have been deleted.
    </NotFoundPage>
  );
}
