// Loaded only by surveys that wait for a delay, a scroll depth or an exit intent.
import type { Trigger } from './trigger.ts';

/** Call `fire` once when `trigger` happens; returns the function that disarms it. */
export function armTrigger(trigger: Trigger, fire: () => void): () => void {
  let off = () => {};
  const once = () => (off(), fire());
  switch (trigger.kind) {
    case 'immediate':
      queueMicrotask(fire);
      break;
    case 'delay': {
      // past 2^31 - 1 ms a timer fires at once: a longer delay (24.8 days) waits that long
      const id = setTimeout(fire, Math.min(trigger.ms, 2 ** 31 - 1));
      off = () => clearTimeout(id);
      break;
    }
    case 'scroll': {
      const check = () => {
        const max = document.documentElement.scrollHeight - innerHeight;
        if (max <= 0 || (scrollY / max) * 100 >= trigger.percent) once();
      };
      addEventListener('scroll', check, { passive: true });
      off = () => removeEventListener('scroll', check);
      queueMicrotask(check);
      break;
    }
    case 'exit-intent': {
      // the pointer leaves the page through its top edge (towards the tabs or the address bar)
      const out = (e: MouseEvent) => !e.relatedTarget && e.clientY <= 0 && once();
      document.addEventListener('mouseout', out);
      off = () => document.removeEventListener('mouseout', out);
      break;
    }
  }
  return () => off();
}
