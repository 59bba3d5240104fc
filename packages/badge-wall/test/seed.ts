// The badges, tiers and members every badge wall test starts from.
import type { Badge } from '@kith/client';
import type { MemorySeed } from '@kith/client/memory';

/** An http(s) image served by the test runner. */
export const img = new URL('./helper.svg', import.meta.url).href;

const badge = (b: Partial<Badge> & Pick<Badge, 'id' | 'name'>): Badge => ({
  description: '',
  criteria: '',
  tier: 'bronze',
  icon: {},
  points: 10,
  holders: 0,
  ...b,
});

/** A fresh seed per test (the memory backend reads members at call time, so tests may award badges). */
export const seed = (): MemorySeed & Required<Pick<MemorySeed, 'members' | 'badges'>> => ({
  tiers: [
    { id: 'bronze', label: 'Bronze', rank: 1 },
    { id: 'gold', label: 'Gold', rank: 3, color: '#b8860b' },
    { id: 'legend', label: 'Legend', rank: 4, color: 'rgb(124, 58, 237)' },
  ],
  badges: [
    badge({ id: 'first-post', name: 'First post', icon: { emoji: '✍️' }, description: 'You said hello.', criteria: 'Write your first post.' }),
    badge({ id: 'helper', name: 'Helper', tier: 'silver', icon: { url: img, alt: 'Two hands' }, criteria: 'Answer 10 questions.' }),
    badge({ id: 'voice', name: 'Voice', tier: 'gold', icon: { emoji: '📣' }, points: 50, criteria: 'Send us feedback 3 times.' }),
    badge({ id: 'legend', name: 'Legend', tier: 'legend', icon: { emoji: '🏆' }, points: 500, criteria: 'Reach 1000 points.' }),
    badge({ id: 'odd', name: '<img src=x onerror="window.pwned=1">', tier: 'bronze', icon: { emoji: '🧪' }, description: '<b>bold</b>' }),
  ],
  members: [
    {
      id: 'ana',
      name: 'Ana',
      points: 120,
      earned: { 'first-post': '2025-03-02T10:00:00Z', helper: '2025-04-10T10:00:00Z' },
      progress: { voice: { current: 1, target: 3 }, legend: { current: 120, target: 1000 } },
    },
    { id: 'bo', name: 'Bo', points: 300, avatarUrl: img, earned: { 'first-post': '2025-01-01T00:00:00Z', voice: '2025-02-01T00:00:00Z' } },
    { id: 'cy', name: 'Cy', points: 50 },
  ],
  tokens: { 'tok-ana': 'ana' },
});
