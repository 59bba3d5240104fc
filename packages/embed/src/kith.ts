// Entry of `kith.js`, the file a page loads with one script tag. Module scripts have no
// document.currentScript, so the loader finds its own tag by URL to read its data-* config.
import { install } from './loader.ts';

const self = [...document.scripts].find((s) => s.src === import.meta.url) ?? document.querySelector<HTMLScriptElement>('script[data-site][src*="kith"]');
install(self);
