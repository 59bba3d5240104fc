// Types only: <kith-survey> in React 19 JSX, its properties and typed `onkith-survey-*` events.
// In a React app written in TypeScript: `import type {} from '@kith/survey/react';` (needs @types/react 19).
import type { KithJsx } from '@kith/ui/react';
import type { KithSurvey } from './survey.ts';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'kith-survey': KithJsx<KithSurvey, 'survey' | 'display' | 'trigger' | 'sample' | 'once' | 'cooldown', 'kith-survey-'>;
    }
  }
}
