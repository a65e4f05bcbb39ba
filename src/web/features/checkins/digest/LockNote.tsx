import { LockIcon } from "../../../components/LockIcon";

/** The lock and its one-line reason, as UX.md asks wherever data is private or aggregate-only. */
export function LockNote({ children }: { children: string }) {
  return (
    <span style={{ display: "inline-flex", alignItems: "center", gap: 6 }}>
      <LockIcon />
      <span>{children}</span>
    </span>
  );
}
