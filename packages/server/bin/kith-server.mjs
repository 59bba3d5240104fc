#!/usr/bin/env node
// Runs the server from its TypeScript source: tsx compiles it on the fly.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
