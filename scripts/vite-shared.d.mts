import type { Plugin, UserConfig } from 'vite';
/** Collapses whitespace and comments inside Lit `css` templates at build time. */
export function litCssMinify(): Plugin;
/** Collapses line breaks and indentation inside Lit `html` and `svg` templates at build time. */
export function litHtmlMinify(): Plugin;
/** Starts fetching a dynamically imported chunk's static dependencies along with it. */
export function parallelChunks(): Plugin;
/** Output options of what browsers load: minified, license comments kept, annotations dropped. */
export const browserOutput: { minify: true; comments: { legal: boolean; annotation: boolean; jsdoc: boolean }; chunkFileNames: string };
/** Library build of a package: its entries, dependencies left to the consumer's bundler. */
export function libraryConfig(entries: Record<string, string>): UserConfig;
/** `browserOutput` plus the chunk groups of `chunkGroups()`: what kith.js and its chunks are built with. */
export const embedOutput: typeof browserOutput & { codeSplitting: { groups: { name: string; test: RegExp }[] } };
export function chunkGroups(): { name: string; test: RegExp }[];
