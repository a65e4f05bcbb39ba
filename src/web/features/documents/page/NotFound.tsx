import { NotFoundPage } from "../../../components/NotFoundPage";

/** A document that does not exist, or one not shared with the viewer (the server answers both alike). */
export function DocumentNotFound() {
  return (
    <NotFoundPage title="Document not found" back={{ to: "/docs", label: "Go to Docs" }}>
      This document does not exist or is not shared with you. A document is visible to its owner and the
      people, team or organisation it is shared with; it may also have been deleted.
    </NotFoundPage>
  );
}
