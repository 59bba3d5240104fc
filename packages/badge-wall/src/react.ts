// Types only: <kith-badge-wall> in React 19 JSX, its properties and typed `onkith-badge-*` events.
// In a React app written in TypeScript: `import type {} from '@kith/badge-wall/react';` (needs @types/react 19).
import type { KithJsx } from '@kith/ui/react';
import type { KithBadgeWall } from './badge-wall.ts';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'kith-badge-wall': KithJsx<KithBadgeWall, 'mode' | 'member' | 'period' | 'limit' | 'tiers' | 'showLocked' | 'showProgress', 'kith-badge-'>;
    }
  }
}
