// Runs after kith.js (the script tag before this one), which defined `window.Kith`.
import type { KithConfig } from '@kith/client';
import { acmeBackend } from './acme-backend.ts';

declare global {
  var Kith: { configure(config: KithConfig): Promise<void> };
}

// Every Kith element on the page now talks to Acme through this Backend; no endpoint, no site key.
void Kith.configure({ backend: acmeBackend('/api') });
