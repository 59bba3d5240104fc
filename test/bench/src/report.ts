import { kB, median, ms, num, ratio, table } from './stats.ts';
import type { RunResult, Subject } from './survey-bench.ts';

interface ReportOptions {
  runs: number;
  cycles: number;
  settle: number;
  unhandled: string[];
  composition?: Map<string, { group: string; bytes: number }[]>;
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];

export function surveyReport(subjects: Subject[], results: Map<string, RunResult[]>, skipped: string[], o: ReportOptions): string[] {
  const out: string[] = [];
  out.push(`## Survey page: Kith and peers (median of ${o.runs} run${o.runs > 1 ? 's' : ''})`, '');
  out.push('Same page template, same survey (one NPS question 0-10, one optional text question), no network.', '');
  for (const s of subjects) out.push(`- **${s.label}**: ${s.what}`);
  for (const line of skipped) out.push(`- ${line}`);
  out.push('');

  const med = (id: string, f: (r: RunResult) => number, renderedOnly = true) =>
    median((results.get(id) ?? []).filter((r) => !renderedOnly || r.ok).map(f));
  const rendered = (id: string) => (results.get(id) ?? []).filter((r) => r.ok).length;

  const rows = subjects.map((s) => {
    const id = s.id;
    const ok = rendered(id) > 0;
    const na = (v: string) => (ok ? v : 'n/a');
    const lt = med(id, (r) => r.longTasks);
    return [
      s.label,
      `${rendered(id)}/${(results.get(id) ?? []).length}`,
      num(med(id, (r) => r.requests, false)),
      kB(med(id, (r) => r.raw, false)),
      kB(med(id, (r) => r.gzip, false)),
      na(ms(med(id, (r) => r.ready))),
      na(ms(med(id, (r) => r.taskMs))),
      na(ms(med(id, (r) => r.scriptMs))),
      na(ms(med(id, (r) => r.layoutMs))),
      na(`${num(lt)} / ${ms(med(id, (r) => r.longTaskMs))}`),
      na(num(med(id, (r) => r.cls), 4)),
      o.cycles ? na(`${num(med(id, (r) => r.heapMB), 2)} MB`) : 'off',
      o.cycles ? na(`${num(med(id, (r) => r.heapGrowthKB), 0)} kB`) : 'off',
    ];
  });
  out.push(
    table(
      ['subject', 'rendered', 'requests', 'bytes raw', 'bytes gzip -9', 'first interactive', 'main-thread tasks', 'script', 'style+layout', 'long tasks (n / ms)', 'CLS', `JS heap after ${o.cycles} cycles`, 'heap growth'],
      rows,
    ),
  );
  out.push('');

  const kith = subjects.find((s) => s.id === 'kith');
  const peers = subjects.filter((s) => s.id !== 'kith' && !s.baseline);
  if (kith && peers.length) {
    const k = (f: (r: RunResult) => number, renderedOnly = true) => med('kith', f, renderedOnly);
    const ratioRows = peers.map((p) => {
      const pk = (f: (r: RunResult) => number, renderedOnly = true) => med(p.id, f, renderedOnly);
      const both = rendered('kith') > 0 && rendered(p.id) > 0;
      const r = (f: (x: RunResult) => number) => (both ? ratio(k(f), pk(f)) : 'n/a');
      return [
        p.label,
        ratio(k((x) => x.gzip, false), pk((x) => x.gzip, false)),
        ratio(k((x) => x.raw, false), pk((x) => x.raw, false)),
        r((x) => x.ready),
        r((x) => x.taskMs),
        r((x) => x.scriptMs),
        o.cycles ? r((x) => x.heapMB) : 'off',
      ];
    });
    out.push('Ratio Kith/peer (below 1× means Kith costs less):', '');
    out.push(table(['peer', 'gzip', 'raw', 'first interactive', 'main-thread tasks', 'script', 'JS heap'], ratioRows), '');

    // the issue's goal, checked in this run
    const comparable = peers.filter((p) => (results.get(p.id) ?? []).length);
    const gz = comparable.map((p) => ({ p, v: med(p.id, (x) => x.gzip, false) })).filter((x) => Number.isFinite(x.v));
    const smallest = gz.sort((a, b) => a.v - b.v)[0];
    const kg = k((x) => x.gzip, false);
    const kr = k((x) => x.ready);
    if (smallest && Number.isFinite(kg)) {
      out.push(
        `Goal, size: Kith ${kB(kg)} gzip vs smallest peer ${smallest.p.label} ${kB(smallest.v)}: ${kg <= smallest.v / 2 ? 'MET' : 'NOT MET'} (at most half).`,
      );
    }
    const timed = comparable.filter((p) => rendered(p.id) > 0);
    if (Number.isFinite(kr) && timed.length) {
      const slower = timed.filter((p) => med(p.id, (x) => x.ready) <= kr);
      out.push(
        `Goal, speed: Kith first interactive ${ms(kr)}, ${slower.length ? `NOT MET: not faster than ${slower.map((p) => `${p.label} (${ms(med(p.id, (x) => x.ready))})`).join(', ')}` : `MET: faster than ${timed.map((p) => p.label).join(', ')}`}.`,
      );
    }
    const untimed = comparable.filter((p) => rendered(p.id) === 0);
    if (untimed.length) out.push(`Not rendered offline, compared on bytes only: ${untimed.map((p) => p.label).join(', ')}.`);
    out.push('');
  }

  out.push('Details:', '');
  for (const s of subjects) {
    const rs = results.get(s.id) ?? [];
    const first = rs[0];
    if (!first) continue;
    const failed = rs.filter((r) => !r.ok);
    const parts = first.served.map((x) => `${x.path.replace(/\?.*$/, '')} ${kB(x.raw)} (${kB(x.gzip)} gz)`);
    out.push(`- ${s.label}: ${parts.join(', ') || 'nothing'}.`);
    const comp = o.composition?.get(s.id) ?? [];
    const total = comp.reduce((n, c) => n + c.bytes, 0);
    if (total > 1000) {
      const top = comp.slice(0, 7).map((c) => `${c.group} ${Math.round((100 * c.bytes) / total)}%`);
      out.push(`  - bundle by origin (share of code before minification): ${top.join(', ')}${comp.length > 7 ? ', ...' : ''}`);
    }
    if (failed.length) out.push(`  - did not render in ${failed.length} run(s): ${uniq(failed.map((r) => r.reason)).join('; ')}`);
    const cyc = rs.reduce((n, r) => n + r.cycleFailures, 0);
    if (cyc) out.push(`  - ${cyc} mount/unmount waits timed out over all runs`);
    const blocked = uniq(rs.flatMap((r) => r.blocked.map((u) => u.replace(/\?.*$/, ''))));
    if (blocked.length) out.push(`  - requests blocked (no network): ${blocked.slice(0, 6).join(', ')}${blocked.length > 6 ? ', ...' : ''}`);
    const errs = uniq(rs.flatMap((r) => r.errors));
    if (errs.length) out.push(`  - page errors: ${errs.slice(0, 3).join(' | ')}${errs.length > 3 ? ` (+${errs.length - 3} more)` : ''}`);
  }
  const unhandled = uniq(o.unhandled.map((u) => u.replace(/\?.*$/, '')));
  if (unhandled.length) out.push(`- requests the local server had no answer for (404): ${unhandled.slice(0, 8).join(', ')}`);
  return out;
}
