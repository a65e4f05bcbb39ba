/** `[#####-----] 12/40`: a fixed-width bar, filled in proportion to `done`. */
export function renderBar(done: number, total: number, width = 10): string {
  const filled = total > 0 ? Math.floor((done / total) * width) : width;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`;
}

interface Output {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Reports progress on `out` (stderr, so stdout stays the result): redrawn in place on a
 * terminal; otherwise one line each time another tenth is done, so logs stay short.
 */
export function progressBar(out: Output): { update(done: number, total: number): void; end(): void } {
  let lastTenth = 0;
  let drawn = false;
  return {
    update(done, total) {
      if (out.isTTY) {
        out.write(`\r${renderBar(done, total)}`);
        drawn = true;
        return;
      }
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth > lastTenth) {
        lastTenth = tenth;
        out.write(`${renderBar(done, total)}\n`);
      }
    },
    end() {
      if (drawn) out.write("\n");
    },
  };
}
