/**
 * A zone is valid when `Intl.DateTimeFormat` accepts it (not `Intl.supportedValuesOf`, which on
 * Node 20 lacks `Asia/Kolkata` and `UTC`).
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone === "") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}
