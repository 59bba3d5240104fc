// <kith-hot-topics> fed by the client's memoryBackend seeded with 1,000 topics: the render, then 100
// live upserts through backend.publish(), each timed and its DOM mutations counted.
import '../../../packages/hot-topics/src/define.ts';
import { memoryBackend } from '../../../packages/client/src/memory-backend.ts';

const TAGS = ['ideas', 'bugs', 'help', 'news', 'events', 'design'];
const NAMES = ['Ana', 'Bo', 'Chen', 'Dara', 'Eli', 'Femi', 'Gus', 'Hana'];
const now = Date.now();
/** n deterministic topics, newest first, with a few pinned. */
export function makeTopics(n) {
  return Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    title: `Topic ${i}: ${['How do I', 'Idea:', 'Bug:', 'Show and tell:'][i % 4]} something worth talking about number ${i}`,
    excerpt: `A short excerpt of topic ${i}, the kind of first sentence a community post starts with.`,
    url: `https://community.example/t/${i}`,
    author: { id: `m${i % 50}`, name: `${NAMES[i % NAMES.length]} ${i % 50}` },
    tags: [TAGS[i % TAGS.length], TAGS[(i * 7) % TAGS.length]].filter((t, j, a) => a.indexOf(t) === j),
    votes: (i * 37) % 500,
    replies: (i * 13) % 80,
    createdAt: new Date(now - i * 3.6e5).toISOString(),
    lastActivityAt: new Date(now - i * 1.8e5).toISOString(),
    pinned: i < 2,
    promoted: false,
    voted: false,
  }));
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function* deep(root) {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}
/** The rendered topics: the first selector that matches anything inside the element. */
const ITEM_SELECTORS = ['[part~="topic"]', '[part~="item"]', 'article', 'li'];
function items(el) {
  const root = el.shadowRoot ?? el;
  for (const sel of ITEM_SELECTORS) {
    const found = root.querySelectorAll(sel);
    if (found.length) return { sel, found };
  }
  // topics inside nested shadow roots: look deeper (slower)
  const all = [...deep(root)];
  for (const sel of ITEM_SELECTORS) {
    const found = all.filter((e) => e.matches(sel));
    if (found.length) return { sel, found };
  }
  return { sel: '', found: [] };
}

/** Resolve once the number of items has stayed the same for `quiet` ms; the time of the last change. */
async function settled(el, t0, quiet = 400, timeout = 20000) {
  let last = -1;
  let changedAt = t0;
  for (;;) {
    await frame();
    const n = items(el).found.length;
    const t = performance.now();
    if (n !== last) (last = n), (changedAt = t);
    else if (n > 0 && t - changedAt >= quiet) return { ms: changedAt - t0, items: n };
    if (t - t0 > timeout) return { ms: NaN, items: n };
  }
}

let current;
window.__hot = {
  /**
   * Render the element with a backend of `n` topics. `allInOnePage` wraps listTopics so the first
   * page holds every topic (a 1,000-row render); otherwise the widget pages as it does.
   */
  async render(n, allInOnePage) {
    document.getElementById('slot').replaceChildren();
    const backend = memoryBackend({ topics: makeTopics(n) });
    if (allInOnePage) {
      const list = backend.listTopics.bind(backend);
      backend.listTopics = async (query, ctx) => {
        const first = await list({ ...query, limit: 100, cursor: undefined }, ctx);
        const rest = backend.topics.filter((t) => !first.items.some((x) => x.id === t.id));
        return { items: [...first.items, ...rest], nextCursor: null };
      };
    }
    const el = document.createElement('kith-hot-topics');
    el.backend = backend;
    el.setAttribute('eager', '');
    const t0 = performance.now();
    document.getElementById('slot').append(el);
    const r = await settled(el, t0);
    current = { el, backend };
    return { ...r, selector: items(el).sel, nodes: [...deep(el.shadowRoot ?? el)].length };
  },
  /**
   * `count` upserts of topics already on screen (votes, replies and activity change). Per update: the
   * time from publish() to the last DOM mutation it caused (mutations stop for two frames), and the
   * number of distinct nodes those mutations touched.
   */
  async updates(count) {
    const { el, backend } = current;
    const root = el.shadowRoot ?? el;
    let touched = new Set();
    let records = 0;
    let lastAt = 0;
    const take = (list) => {
      for (const m of list) {
        records++;
        lastAt = performance.now();
        touched.add(m.target);
        m.addedNodes.forEach((x) => touched.add(x));
        m.removedNodes.forEach((x) => touched.add(x));
      }
    };
    const mo = new MutationObserver(take);
    mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    // the topics the widget shows first (its default sort is hot)
    const first = await backend.listTopics({ sort: 'hot', limit: 20 });
    const shown = first.items.map((x) => backend.topics.find((t) => t.id === x.id));
    const out = [];
    for (let i = 0; i < count; i++) {
      const t = shown[i % shown.length];
      const topic = { ...t, votes: t.votes + 1 + i, replies: t.replies + (i % 3), lastActivityAt: new Date().toISOString() };
      Object.assign(t, topic);
      touched = new Set();
      records = 0;
      lastAt = 0;
      const t0 = performance.now();
      backend.publish({ type: 'upsert', topic });
      // wait until the DOM is quiet: first mutation (or 1 s), then two frames with none
      for (let quiet = 0, start = performance.now(); ; ) {
        await frame();
        take(mo.takeRecords());
        if (!lastAt) {
          if (performance.now() - start > 1000) break;
          continue;
        }
        const before = records;
        await frame();
        take(mo.takeRecords());
        if (records === before && ++quiet >= 1) break;
      }
      out.push({ ms: lastAt ? lastAt - t0 : NaN, nodes: touched.size, records });
      await sleep(5);
    }
    mo.disconnect();
    return out;
  },
};
