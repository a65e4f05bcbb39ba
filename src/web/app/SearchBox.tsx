import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import { isSearchShortcut } from "./search-shortcut";
import "./search-box.css";

/**
 * The top bar's search box: `/` anywhere (but in a field) focuses it, Enter opens the results page,
 * Escape leaves it. A plain input styled like the theme's: Home's first page carries it, and
 * Mantine's TextInput would add 4 kB to it.
 */
export function SearchBox() {
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <search>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const q = input.current?.value.trim();
          if (q) navigate(`/search?${new URLSearchParams({ q })}`);
        }}
      >
        <input
          ref={input}
          type="search"
          className="top-search"
          aria-label="Search"
          placeholder="Search  /"
          aria-keyshortcuts="/"
          onKeyDown={(event) => event.key === "Escape" && event.currentTarget.blur()}
        />
      </form>
    </search>
  );
}
