import { paramValue, sameText } from "./reader-text";

/** TZIDs kept to be given again as the same string: a file names a few zones, rarely a dozen. */
const MAX_ZONE_NAMES = 16;

/** The characters that end an unquoted parameter value (";", ":") or have it declined ('"', "^", "\\"). */
const UNQUOTED_ENDS = [59, 58, 34, 94, 92];

/**
 * The TZIDs a reader has met (the first {@link MAX_ZONE_NAMES}): each name given as one string
 * (files repeat a few), so the expansion's lookups by zone hash each name once.
 */
export class ZoneNames {
  private readonly names: string[] = [];
  /** Those of {@link names} that an unquoted value can hold (see {@link known}), and their character codes. */
  private readonly plain: string[] = [];
  private readonly codes: Uint16Array[] = [];

  /** What keeps a string cut from the text (see the Reader). */
  constructor(private readonly keep: (s: string) => string) {}

  /** The TZID `s[from, to)`, compared in place, character by character, with the names met so far. */
  name(s: string, from: number, to: number): string {
    const { names } = this;
    const length = to - from;
    for (let z = 0; z < names.length; z++) {
      const name = names[z] as string;
      if (name.length === length && sameText(s, from, name)) return name;
    }
    const name = this.keep(paramValue(s, from, to));
    if (names.length < MAX_ZONE_NAMES) {
      names.push(name);
      if (!holdsAny(name, UNQUOTED_ENDS)) {
        const codes = new Uint16Array(name.length);
        for (let k = 0; k < name.length; k++) codes[k] = name.charCodeAt(k);
        this.codes.push(codes);
        this.plain.push(name);
      }
    }
    return name;
  }

  /**
   * The TZID met before that `s` holds at `from`, unquoted and ended by ";" or ":" before `to`: what
   * scanning the value and {@link name} would give, as its characters are none that stop or
   * decline the scan. Compared with the names' character codes (cheaper to read than a string's).
   */
  known(s: string, from: number, to: number): string | undefined {
    const { codes: all } = this;
    for (let z = 0; z < all.length; z++) {
      const codes = all[z] as Uint16Array;
      const end = from + codes.length;
      if (end >= to) continue;
      const c = s.charCodeAt(end);
      if (c !== 58 && c !== 59) continue;
      let k = 0;
      while (k < codes.length && s.charCodeAt(from + k) === codes[k]) k++;
      if (k === codes.length) return this.plain[z];
    }
    return undefined;
  }
}

function holdsAny(s: string, codes: number[]): boolean {
  for (let k = 0; k < s.length; k++) if (codes.includes(s.charCodeAt(k))) return true;
  return false;
}
