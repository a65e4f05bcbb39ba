/** Placeholder while the page is built (issue 11). */
export function MeetingPage() {
  return null;
}
