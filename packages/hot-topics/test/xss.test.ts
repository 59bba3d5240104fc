import { expect } from '@esm-bundle/chai';
import type { Topic } from '@kith/client';
import { $, $$, backend, click, makeTopics, mount, tick, topicEl, until } from './harness.ts';

// Each payload would set window.__xss if any of it ran.
const MARKUP = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '"><svg onload="window.__xss=3">',
  `'><iframe src="javascript:parent.__xss=4"></iframe>`,
  '<a href="javascript:window.__xss=5">click</a>',
  '<svg><script>window.__xss=6</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=7>',
  '</li></ul></article><div onmouseover="window.__xss=8">broken',
  '<svg><animate onbegin="window.__xss=9" attributeName=x dur=1s>',
  '<details open ontoggle="window.__xss=10">',
  '${window.__xss=11}{{constructor.constructor("window.__xss=12")()}}',
  '<!-- <p>half a comment',
  '<style>*{display:none}</style><b>',
  '\u202Eevil\u0000nul',
];
const URLS = [
  'javascript:window.__xss=20',
  'JaVaScRiPt:window.__xss=21',
  ' \tjavascript:window.__xss=22',
  'java\nscript:window.__xss=23',
  'data:text/html,<script>parent.__xss=24</script>',
  'data:image/svg+xml,<svg onload=parent.__xss=25>',
  'vbscript:msgbox(26)',
  '//',
];
// avatars must look like http(s) URLs to pass the protocol's schema; these try to break out of the attribute
const AVATARS = ['https://x.example/"onerror="window.__xss=30', 'https://x.example/"><img/src/onerror=window.__xss=31>', 'https://x.example/a.svg#<script>window.__xss=32</script>'];

function corpus(): Topic[] {
  const base = makeTopics(MARKUP.length);
  return base.map((t, i) => ({
    ...t,
    id: `x${i}`,
    title: MARKUP[i]!,
    excerpt: MARKUP[(i + 1) % MARKUP.length]!,
    url: URLS[i % URLS.length]!,
    author: { id: `m${i}`, name: MARKUP[(i + 2) % MARKUP.length]!, avatarUrl: AVATARS[i % AVATARS.length]! },
    tags: [MARKUP[(i + 3) % MARKUP.length]!.slice(0, 50)],
    pinned: i === 0,
    promoted: i === 1,
  }));
}

const OURS = new Set(['DIV', 'UL', 'LI', 'ARTICLE', 'H3', 'A', 'SPAN', 'P', 'TIME', 'IMG', 'BUTTON', 'svg', 'path', 'DIALOG', 'FORM', 'H2', 'FIELDSET', 'LEGEND', 'LABEL', 'INPUT', 'TEXTAREA']);

describe('<kith-hot-topics> untrusted content', () => {
  it('renders an XSS corpus as text: nothing runs, nothing escapes into the page', async () => {
    delete (window as any).__xss;
    const bodyBefore = document.body.children.length;
    const scriptsBefore = document.scripts.length;
    const topics = corpus();
    const el = await mount({ layout: 'cards', voting: '', reporting: '', tags: MARKUP.slice(0, 4).join(','), limit: '50' }, backend({ topics }));
    await tick(100); // give any error/load handlers the chance to fire

    for (const t of topics) {
      const a = topicEl(el, t.id);
      expect(a, t.id).to.not.equal(null);
      expect(a.querySelector('[part=title]')!.textContent!.trim(), `title ${t.id}`).to.equal(t.title.trim());
      expect(a.querySelector('[part=excerpt]')!.textContent, `excerpt ${t.id}`).to.equal(t.excerpt);
      expect(a.querySelector('[part=author]')!.textContent, `author ${t.id}`).to.equal(t.author.name);
      expect(a.querySelector('[part=tag]')!.textContent, `tag ${t.id}`).to.equal(t.tags[0]);
    }
    // chips from the page's own attribute are text too
    expect($$(el, '[part=chip]').map((c) => c.textContent!.trim()).slice(1)).to.deep.equal(MARKUP.slice(0, 4).join(',').split(',').map((x) => x.trim()).filter(Boolean));

    const all = $$<Element>(el, '*');
    const strange = all.filter((n) => !OURS.has(n.tagName)).map((n) => n.tagName);
    expect(strange, 'elements nobody rendered on purpose').to.deep.equal([]);
    const handlers = all.flatMap((n) => [...n.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${n.tagName} ${a.name}`));
    expect(handlers, 'event-handler attributes').to.deep.equal([]);
    for (const a of $$<HTMLAnchorElement>(el, 'a[href]')) expect(a.protocol, a.href).to.match(/^https?:$/);
    for (const img of $$<HTMLImageElement>(el, 'img')) {
      expect(img.src).to.match(/^https:\/\/x\.example\//);
      expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    }
    // of the URLs, only none is a link: each is a scheme other than http(s), or not a URL at all ('//' has no host)
    expect($$(el, '[part~=topic] a').length).to.equal(0);
    for (const svg of $$<SVGElement>(el, 'svg')) {
      expect(svg.getAttribute('aria-hidden')).to.equal('true');
      expect([...svg.children].map((c) => c.tagName)).to.deep.equal(['path']);
    }

    // the report dialog shows the title as text as well
    await click(el, topicEl(el, 'x0').querySelector('[part=report-button]'));
    await until(() => $<HTMLDialogElement>(el, 'dialog')?.open);
    expect($(el, 'dialog .muted')!.textContent).to.equal(MARKUP[0]);
    $(el, 'dialog')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));

    // hovering and toggling everything runs nothing either
    for (const n of all) n.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    await tick(50);
    expect((window as any).__xss, 'a payload ran').to.equal(undefined);
    expect(document.body.children.length, 'elements added to the page besides the widget').to.equal(bodyBefore + 1);
    expect(document.scripts.length, 'scripts added to the page').to.equal(scriptsBefore);
    expect(document.querySelectorAll('kith-hot-topics ~ *, body > img, body > svg, body > iframe').length).to.equal(0);
  });

  it('a topic whose avatar is not an http(s) URL is refused by the schema, and the page is told', async () => {
    const topics = makeTopics(2);
    (topics[0]!.author as { avatarUrl: string }).avatarUrl = 'javascript:window.__xss=40';
    const errors: string[] = [];
    const orig = console.error;
    console.error = (m: string) => errors.push(m);
    try {
      const el = await mount({}, backend({ topics }));
      expect($(el, '[part=error]')).to.not.equal(null);
      expect(errors.join('\n')).to.contain('avatarUrl');
      expect($(el, 'img')).to.equal(null);
    } finally {
      console.error = orig;
    }
    expect((window as any).__xss).to.equal(undefined);
  });
});
