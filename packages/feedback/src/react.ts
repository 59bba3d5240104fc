// Types only: <kith-feedback> in React 19 JSX, its properties and typed `onkith-feedback-*` events.
// In a React app written in TypeScript: `import type {} from '@kith/feedback/react';` (needs @types/react 19).
import type { KithJsx } from '@kith/ui/react';
import type { KithFeedback } from './feedback.ts';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'kith-feedback': KithJsx<KithFeedback, 'display' | 'position' | 'launcherLabel' | 'categories' | 'rating' | 'email' | 'maxLength' | 'context' | 'placeholder' | 'successMessage' | 'name' | 'captchaToken', 'kith-feedback-'>;
    }
  }
}
