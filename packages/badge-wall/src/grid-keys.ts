/**
 * The index focus moves to in a grid of `count` items laid out in `columns`, for a key pressed on
 * item `i`; undefined when the key does not move focus. Left and right are mirrored in RTL; arrows
 * stop at the edges.
 */
export function gridStep(key: string, i: number, count: number, columns: number, rtl: boolean): number | undefined {
  const steps: Record<string, number> = { ArrowDown: columns, ArrowUp: -columns, ArrowLeft: rtl ? 1 : -1, ArrowRight: rtl ? -1 : 1, Home: -i, End: count - 1 - i };
  const j = i + steps[key]!;
  return isNaN(j) ? undefined : j >= 0 && j < count ? j : i;
}
