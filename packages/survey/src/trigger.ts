/** When a survey opens: `immediate`, `manual` (call `open()`), `exit-intent`, `delay:5s`, `scroll:50%`. */
export type Trigger =
  | { kind: 'immediate' | 'manual' | 'exit-intent' }
  | { kind: 'delay'; ms: number }
  | { kind: 'scroll'; percent: number };

/** Parse a trigger; undefined when it is not one. `delay:` takes ms or s (seconds by default). */
export function parseTrigger(value: string | undefined): Trigger | undefined {
  const m = /^(immediate|manual|exit-intent)$|^delay:(\d+(?:\.\d+)?)(ms|s)?$|^scroll:(\d{1,3})%?$/.exec((value ?? '').trim());
  if (!m) return undefined;
  if (m[1]) return { kind: m[1] as 'immediate' };
  if (m[2]) return { kind: 'delay', ms: Number(m[2]) * (m[3] === 'ms' ? 1 : 1000) };
  const percent = Number(m[4]);
  return percent <= 100 ? { kind: 'scroll', percent } : undefined;
}
