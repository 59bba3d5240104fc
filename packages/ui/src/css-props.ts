import { noChange } from 'lit';
import { Directive, PartType, directive, type AttributePart, type PartInfo } from 'lit/directive.js';

/**
 * `style=${cssProps({ '--kith-accent': c, transform: 'scaleX(.5)' })}`: sets inline styles through the
 * CSSOM only. Lit's styleMap writes a `style` attribute on first render, which a strict
 * Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline') blocks; CSSOM writes are allowed.
 */
class CssProps extends Directive {
  #set = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') throw new Error('cssProps goes in a style attribute');
  }

  render(_props: Record<string, string | undefined>): unknown {
    return noChange;
  }

  override update(part: AttributePart, [props]: [Record<string, string | undefined>]): unknown {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#set) if (props[name] === undefined) style.removeProperty(name);
    this.#set.clear();
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.#set.add(name);
    }
    return noChange;
  }
}

export const cssProps = directive(CssProps);
