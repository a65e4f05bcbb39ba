import { useEffect } from "react";

/** The browser tab's title: "Agreement · Tandem". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Tandem`;
  }, [title]);
}
