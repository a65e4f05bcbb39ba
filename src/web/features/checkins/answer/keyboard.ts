import type { KeyboardEvent } from "react";

/**
 * The answer form's keyboard: each place the cursor stops at is marked `data-stop` (a text field, a
 * group of radios, a person picker, the send button). Enter in a field moves to the next stop (Shift+Enter
 * is a new line in a text answer); Ctrl or ⌘ + Enter sends.
 */
export const STOP = { "data-stop": true } as const;

/** Focuses a stop: a group's chosen radio (else its first), or the field itself. */
export function focusStop(stop: Element | undefined): void {
  if (!stop) return;
  const target =
    stop instanceof HTMLInputElement ||
    stop instanceof HTMLTextAreaElement ||
    stop instanceof HTMLButtonElement
      ? stop
      : (stop.querySelector<HTMLElement>('input:checked, [role="radio"][aria-checked="true"]') ??
        stop.querySelector<HTMLElement>('input, textarea, button, [role="radio"]'));
  target?.focus();
}

const stopsOf = (form: HTMLFormElement) => [...form.querySelectorAll("[data-stop]")];

/** The first stop of the form (the first question), focused when the form opens. */
export function focusFirstStop(form: HTMLFormElement | null): void {
  if (form) focusStop(stopsOf(form)[0]);
}

/** The form's keydown: Enter moves on from a field, Ctrl/⌘+Enter sends; menus and buttons keep their Enter. */
export function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>, send: () => void): void {
  if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
  const field = event.target as HTMLElement;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    send();
    return;
  }
  if (field instanceof HTMLInputElement && field.hasAttribute("aria-haspopup")) {
    // A person picker's Enter chooses the highlighted option (its own handler then prevents the
    // default). With none highlighted — the list still loading — the browser would submit the form
    // on Enter in an input, sending the answers: it stays where it is instead.
    event.preventDefault();
    return;
  }
  const isText = field instanceof HTMLTextAreaElement;
  // A 1–5 card is a button: Space chooses it, Enter moves on like everywhere else in the form.
  const isInput = field instanceof HTMLInputElement || field.getAttribute("role") === "radio";
  if (!isText && !isInput) return;
  if (isText && event.shiftKey) return;
  event.preventDefault();
  const stops = stopsOf(event.currentTarget);
  const here = stops.findIndex((stop) => stop === field || stop.contains(field));
  focusStop(stops[here + 1]);
}

/**
 * A 1–5 group's number keys: pressing 1 … 5 chooses that value and puts the focus on it (the arrow
 * keys move between radios natively).
 */
export function onScaleKeyDown(event: KeyboardEvent<HTMLElement>, choose: (value: number) => void): void {
  const n = Number(event.key);
  if (!Number.isInteger(n) || n < 1 || n > 5 || event.ctrlKey || event.metaKey || event.altKey) return;
  event.preventDefault();
  choose(n);
  event.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]')[n - 1]?.focus();
}
