// Finds Debian's Chromium for the browser tests, installing it with apt-get when missing and
// allowed (root); otherwise stops with the exact command to run.
import { execSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export function ensureChromium() {
  const found = () => process.env.TANDEM_CHROMIUM || CANDIDATES.find((p) => existsSync(p));
  if (found()) return found();
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(
      "Chromium is needed for the browser tests. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium",
    );
    process.exit(1);
  }
  console.log("Chromium not found: installing Debian's chromium (apt-get)…");
  execSync("apt-get update -qq", { stdio: "inherit" });
  const res = spawnSync(
    "apt-get",
    ["install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-dejavu-core"],
    {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    },
  );
  if (res.status !== 0 || !found()) {
    console.error("Installing chromium failed. Run:\n  apt-get update && apt-get install -y chromium");
    process.exit(1);
  }
  return found();
}
