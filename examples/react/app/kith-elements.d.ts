// JSX types for the Kith elements: their attributes and properties, and their events as React 19
// passes them to custom elements (`onkith-survey-complete={(e) => ...}`), typed from the
// HTMLElementEventMap each widget declares.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { KithSurvey } from '@kith/survey';
import type { KithFeedback } from '@kith/feedback';
import type { KithHotTopics } from '@kith/hot-topics';
import type { KithBadgeWall } from '@kith/badge-wall';

type Shared = 'endpoint' | 'site' | 'backend' | 'locale' | 'theme' | 'accent' | 'memberToken' | 'eager';
type Events<Prefix extends string> = {
  [K in keyof HTMLElementEventMap as K extends `${Prefix}${string}` ? `on${K}` : never]?: (event: HTMLElementEventMap[K]) => void;
};
type Kith<T extends HTMLElement, K extends keyof T, Prefix extends string> = DetailedHTMLProps<HTMLAttributes<T>, T> &
  Partial<Pick<T, K | Shared>> &
  Events<Prefix>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'kith-survey': Kith<KithSurvey, 'survey' | 'display' | 'trigger' | 'sample' | 'once' | 'cooldown', 'kith-survey-'>;
      'kith-feedback': Kith<KithFeedback, 'display' | 'position' | 'categories' | 'rating' | 'email' | 'maxLength' | 'placeholder' | 'successMessage', 'kith-feedback-'>;
      'kith-hot-topics': Kith<KithHotTopics, 'sort' | 'period' | 'tag' | 'tags' | 'limit' | 'layout' | 'live' | 'voting' | 'reporting' | 'communityUrl', 'kith-topic-'>;
      'kith-badge-wall': Kith<KithBadgeWall, 'mode' | 'member' | 'period' | 'limit' | 'tiers' | 'showLocked' | 'showProgress', 'kith-badge-'>;
    }
  }
}
