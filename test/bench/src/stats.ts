/** Median of the numbers that are finite; NaN when there are none. */
export function median(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

export const kB = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} kB` : 'n/a');
export const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : 'n/a');
export const num = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
/** Kith/peer, e.g. `0.21×`; n/a when either side is missing or the peer is zero. */
export const ratio = (kith: number, peer: number) =>
  Number.isFinite(kith) && Number.isFinite(peer) && peer !== 0 ? `${(kith / peer).toFixed(2)}×` : 'n/a';

/** A GitHub-flavoured markdown table (also readable as plain text). */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const sep = `|${widths.map((w, i) => (i === 0 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`;
  return [line(head), sep, ...rows.map(line)].join('\n');
}
