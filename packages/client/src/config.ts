import type { Backend } from './backend.ts';
import { KithClient, type ClientOptions } from './client.ts';
import { Emitter } from './emitter.ts';

/** Page-wide defaults, set by `Kith.configure()` or the script tag; element attributes override them. */
export interface KithConfig {
  endpoint?: string;
  site?: string;
  backend?: Backend;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  accent?: string;
  memberToken?: string;
  consentRequired?: boolean;
  /** Consent state where `consentRequired`; `Kith.consent(true)` sets it. */
  consent?: boolean;
}

interface Shared {
  config: KithConfig;
  /** Keyed by the backend object, or by `endpoint|site`. */
  clients: Map<unknown, KithClient>;
  changes: Emitter<{ change: KithConfig }>;
}

// One registry per page even if two copies of the SDK load (npm build plus script tag).
const key = Symbol.for('kith.shared');
const shared: Shared = ((globalThis as Record<symbol, Shared>)[key] ??= {
  config: {},
  clients: new Map(),
  changes: new Emitter(),
});

export const getConfig = (): Readonly<KithConfig> => shared.config;

/** Merge page-wide defaults and tell every client and element about them. */
export function configure(patch: KithConfig): void {
  shared.config = { ...shared.config, ...patch };
  for (const client of shared.clients.values()) {
    if ('memberToken' in patch) client.setMemberToken(patch.memberToken);
    if ('consent' in patch) void client.setConsent(!!patch.consent);
  }
  shared.changes.emit('change', shared.config);
}

/** Subscribe to `configure()` calls; returns the unsubscribe function. */
export const onConfigChange = (fn: (config: KithConfig) => void) => shared.changes.on('change', fn);

/** The one client for an endpoint+site (or backend) on this page, created on first use. */
export function getClient(options: ClientOptions): KithClient {
  const id = options.backend ?? `${options.endpoint}|${options.site}`;
  let client = shared.clients.get(id);
  if (!client) {
    const { consentRequired, consent, memberToken } = shared.config;
    client = new KithClient({ consentRequired, memberToken, ...options });
    if (consentRequired && consent) void client.setConsent(true);
    shared.clients.set(id, client);
  }
  return client;
}
