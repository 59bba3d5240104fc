const STEP: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: -1e9, End: 1e9 };

/**
 * Keydown handler for a group with roving focus: put it on the group, `data-roving` on its items
 * (one with tabindex 0, the rest -1). Arrows move focus (mirrored in right-to-left), Home and End jump.
 */
export function roving(e: KeyboardEvent): void {
  let step = STEP[e.key];
  const group = e.currentTarget as HTMLElement;
  const target = e.target as HTMLElement;
  if (!step || !target.hasAttribute('data-roving') || e.altKey || e.ctrlKey || e.metaKey) return;
  const items = [...group.querySelectorAll<HTMLElement>('[data-roving]:not(:disabled)')];
  const i = items.indexOf(target);
  if (i < 0) return;
  if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && getComputedStyle(group).direction === 'rtl') step = -step;
  const next = items[Math.abs(step) > 1 ? (step < 0 ? 0 : items.length - 1) : (i + step + items.length) % items.length]!;
  e.preventDefault();
  for (const el of items) el.tabIndex = el === next ? 0 : -1;
  next.focus();
}
