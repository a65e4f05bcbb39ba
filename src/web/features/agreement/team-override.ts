import type { Rules } from "../../../contracts/agreement";

/** A team override: the rules that differ from the organisation's, lists as the team's additions only. */
export function teamOverride(effective: Rules, org: Rules): Partial<Rules> {
  const override: Record<string, unknown> = {};
  for (const key of Object.keys(effective) as (keyof Rules)[]) {
    if (key === "notificationHours") continue;
    const mine = effective[key];
    const theirs = org[key];
    if (Array.isArray(mine) && Array.isArray(theirs)) {
      const added = (mine as string[]).filter((item) => !(theirs as string[]).includes(item));
      if (added.length > 0) override[key] = added;
    } else if (canonicalJson(mine) !== canonicalJson(theirs)) {
      override[key] = mine;
    }
  }
  return override as Partial<Rules>;
}

/** JSON with object keys sorted, so values read back from the database compare equal to typed ones. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
