// <kith-hot-topics> fed by the client's memoryBackend seeded with 1,000 topics: the render, then 100
// live upserts through backend.publish(), each timed and its DOM mutations counted.
import '../../../packages/hot-topics/src/define.ts';
import { memoryBackend } from '../../../packages/client/src/memory-backend.ts';
import { parseOrThrow } from '../../../packages/client/src/parse.ts';
import { TopicPage } from '../../../packages/client/src/protocol/checks/topics.ts';

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
  /** How long the client's validation of one page of `n` topics takes (median of 5), apart from any render. */
  validate(n) {
    const page = { items: makeTopics(n), nextCursor: null };
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      parseOrThrow(TopicPage, page, 'topics');
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[2];
  },
  /**
   * Render the element with a backend of `n` topics. `allInOnePage` wraps listTopics so the first
   * page holds every topic (a 1,000-row render); otherwise the widget pages as it does.
   */
  async render(n, allInOnePage) {
    document.getElementById('slot').replaceChildren();
    const backend = memoryBackend({ topics: makeTopics(n) });
    // time spent inside the backend (sorting 1,000 topics in memory), to tell it apart from the widget
    let backendMs = 0;
    const plain = backend.listTopics.bind(backend);
    backend.listTopics = async (query, ctx) => {
      const t = performance.now();
      try {
        return await plain(query, ctx);
      } finally {
        backendMs += performance.now() - t;
      }
    };
    if (allInOnePage) {
      // the first page holds every topic, in the backend's order (hot), read through its own paging
      const list = plain;
      backend.listTopics = async (query, ctx) => {
        const t = performance.now();
        const all = [];
        let cursor;
        do {
          const page = await list({ ...query, limit: 100, cursor }, ctx);
          all.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        backendMs += performance.now() - t;
        return { items: all, nextCursor: null };
      };
    }
    const el = document.createElement('kith-hot-topics');
    el.backend = backend;
    el.setAttribute('eager', '');
    el.setAttribute('live', ''); // follow the backend's stream
    const t0 = performance.now();
    document.getElementById('slot').append(el);
    const r = await settled(el, t0);
    current = { el, backend };
    return { ...r, backendMs, selector: items(el).sel, nodes: [...deep(el.shadowRoot ?? el)].length };
  },
  /**
   * `count` upserts of the first ten topics on screen (votes, replies and activity change). Per update: the
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
    // topics on screen (the element lists them), the first ten
    const shown = el.topics.slice(0, 10).map((x) => backend.topics.find((t) => t.id === x.id));
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
