// Types only: what a Kith element takes in React 19 JSX. Each widget's `@kith/<widget>/react` uses
// `KithJsx` to declare its tag; import that (`import type {} from '@kith/survey/react'`) in a React
// app written in TypeScript. Needs @types/react 19.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { KithElement } from './kith-element.ts';

/** The properties every Kith element has (see KithElement). */
type Shared = 'endpoint' | 'site' | 'backend' | 'locale' | 'theme' | 'accent' | 'memberToken' | 'eager';

/** `onkith-survey-complete={(e) => ...}`: React 19 adds a listener for each `on<event>` prop of a custom element. */
type Events<Prefix extends string> = {
  [K in keyof HTMLElementEventMap as K extends `${Prefix}${string}` ? `on${K}` : never]?: (event: HTMLElementEventMap[K]) => void;
};

/**
 * The JSX props of a Kith element `T`: the usual HTML attributes and `ref`, the widget's properties
 * `K` and the shared ones (React 19 sets a prop as a property when the element has it), and a typed
 * listener for each of its `kith-*` events (`Prefix`).
 */
export type KithJsx<T extends KithElement, K extends keyof T, Prefix extends string> = DetailedHTMLProps<HTMLAttributes<T>, T> &
  Partial<Pick<T, K | Shared>> &
  Events<Prefix>;
