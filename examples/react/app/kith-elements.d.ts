// JSX types for the Kith elements: each package ships them as `@kith/<widget>/react` (types only),
// covering the attributes and properties and the events as React 19 passes them to custom elements
// (`onkith-survey-complete={(e) => ...}`, typed from the HTMLElementEventMap each widget declares).
import type {} from '@kith/survey/react';
import type {} from '@kith/feedback/react';
import type {} from '@kith/hot-topics/react';
import type {} from '@kith/badge-wall/react';
