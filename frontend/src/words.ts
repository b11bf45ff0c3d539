// Small helpers for writing stored names as words, shared by the page's dictionaries and the tier panel.

/** `living_room` -> `living room`. */
export function humanize(snake: string): string {
  return snake.replace(/_/g, ' ').trim();
}

/** `premium` -> `Premium`. */
export function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** `Check device status` -> `check device status`. */
export function lowerFirst(s: string): string {
  return s.length === 0 ? s : s[0]!.toLowerCase() + s.slice(1);
}
