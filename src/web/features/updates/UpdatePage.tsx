/** Placeholder while the page is built (issue 12). */
export function UpdatePage() {
  return null;
}
