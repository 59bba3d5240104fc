import type { Plugin, UserConfig } from 'vite';
/** Collapses whitespace and comments inside Lit `css` templates at build time. */
export function litCssMinify(): Plugin;
/** Library build of a package: its entries, dependencies left to the consumer's bundler. */
export function libraryConfig(entries: Record<string, string>): UserConfig;
