// Types only: <kith-hot-topics> in React 19 JSX, its properties and typed `onkith-topic-*` events.
// In a React app written in TypeScript: `import type {} from '@kith/hot-topics/react';` (needs @types/react 19).
import type { KithJsx } from '@kith/ui/react';
import type { KithHotTopics } from './hot-topics.ts';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'kith-hot-topics': KithJsx<KithHotTopics, 'sort' | 'period' | 'tag' | 'tags' | 'limit' | 'layout' | 'live' | 'voting' | 'reporting' | 'communityUrl' | 'linkTarget', 'kith-topic-'>;
    }
  }
}
