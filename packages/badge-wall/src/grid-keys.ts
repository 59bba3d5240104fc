/**
 * The index focus moves to in a grid of `count` items laid out in `columns`, for a key pressed on
 * item `i`; undefined when the key does not move focus. Left and right are mirrored in RTL.
 */
export function gridStep(key: string, i: number, count: number, columns: number, rtl: boolean): number | undefined {
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  const step =
    key === 'ArrowDown' ? columns : key === 'ArrowUp' ? -columns : key === back ? -1 : key.startsWith('Arrow') ? 1 : 0;
  if (step) return i + step >= 0 && i + step < count ? i + step : i;
  return key === 'Home' ? 0 : key === 'End' ? count - 1 : undefined;
}
