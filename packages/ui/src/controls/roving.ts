// Arrows step one item (wrapping round), Home and End go to the ends.
const KEYS: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: 0, End: 0 };

/**
 * Keydown handler for a group with roving focus: put it on the group, `data-roving` on its items
 * (one with tabindex 0, the rest -1). Arrows move focus (mirrored in right-to-left), Home and End jump.
 */
export function roving(e: KeyboardEvent): void {
  let step = KEYS[e.key];
  if (step === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
  const group = e.currentTarget as HTMLElement;
  const items = [...group.querySelectorAll<HTMLElement>('[data-roving]:not(:disabled)')];
  const i = items.indexOf(e.target as HTMLElement);
  if (i < 0) return;
  if (/Left|Right/.test(e.key) && getComputedStyle(group).direction === 'rtl') step = -step;
  const next = items.at(e.key === 'Home' ? 0 : e.key === 'End' ? -1 : (i + step) % items.length)!;
  e.preventDefault();
  for (const el of items) el.tabIndex = el === next ? 0 : -1;
  next.focus();
}
