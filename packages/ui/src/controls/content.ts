import type { TemplateResult } from 'lit';

/** Text a control renders: a string, or a template (backend text marked with its own `lang`). */
export type Content = string | TemplateResult;
