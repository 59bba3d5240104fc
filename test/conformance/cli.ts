import { parseArgs } from 'node:util';
import { checks, runConformance } from './suite.ts';

const USAGE = `Kith protocol conformance suite

  pnpm conformance --endpoint URL --site KEY [--survey ID] [--member-token JWT] [--only id,id] [--json]

  --endpoint      the backend's base URL (the suite calls <URL>/v1/...)
  --site          public site key, sent as Kith-Site
  --survey        survey id to test with (default: demo-product, else demo-nps)
  --member-token  a valid member token, to check /v1/members/me/badges
  --only          comma-separated check ids (see --list)
  --burst         max requests,max ms for the 429 probe (default 300,15000)
  --json          print the results as JSON
  --list          list the checks

Exit code: 0 when no check fails (skips are reported, not failures), 1 otherwise.
`;

const { values } = parseArgs({
  options: {
    endpoint: { type: 'string' },
    site: { type: 'string' },
    survey: { type: 'string' },
    'member-token': { type: 'string' },
    only: { type: 'string' },
    burst: { type: 'string' },
    json: { type: 'boolean' },
    list: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (values.list) {
  for (const c of checks) process.stdout.write(`${c.id.padEnd(26)} ${c.title}\n`);
  process.exit(0);
}
if (!values.endpoint || !values.site) {
  process.stderr.write(`--endpoint and --site are required\n\n${USAGE}`);
  process.exit(2);
}
const [maxRequests, maxMs] = (values.burst ?? '300,15000').split(',').map(Number);

const results = await runConformance({
  endpoint: values.endpoint,
  site: values.site,
  survey: values.survey,
  memberToken: values['member-token'],
  only: values.only?.split(',').map((s) => s.trim()),
  burst: { maxRequests: maxRequests || 300, maxMs: maxMs || 15_000 },
  onResult: values.json
    ? undefined
    : (r) => {
        const mark = { pass: 'ok  ', fail: 'FAIL', skip: 'skip' }[r.status];
        process.stdout.write(`${mark} ${r.id.padEnd(26)} ${r.title} (${r.ms} ms)${r.detail ? `\n       ${r.detail.replace(/\n/g, '\n       ')}` : ''}\n`);
      },
});
const count = (s: string) => results.filter((r) => r.status === s).length;
if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else process.stdout.write(`\n${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped\n`);
process.exit(count('fail') ? 1 : 0);
