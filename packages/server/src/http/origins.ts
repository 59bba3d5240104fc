/**
 * Origin patterns a site allows: an exact origin (`https://shop.example`), a subdomain wildcard
 * (`https://*.example.com`, which does not match `example.com` itself), any port
 * (`http://localhost:*`), or `*` for any origin. Default ports match their bare origin.
 */
export function originAllowed(origin: string, patterns: readonly string[]): boolean {
  const o = parseOrigin(origin);
  if (!o) return false;
  return patterns.some((p) => {
    if (p === '*') return true;
    const m = /^(https?):\/\/(\*\.)?([^:/*]+|\[[0-9a-fA-F:]+\])(?::(\d+|\*))?\/?$/.exec(p.trim());
    if (!m) return false;
    const [, scheme, wildcard, host, port] = m as unknown as [string, string, string | undefined, string, string | undefined];
    if (scheme !== o.scheme) return false;
    const h = host.toLowerCase();
    if (wildcard ? !o.host.endsWith(`.${h}`) : o.host !== h) return false;
    return port === '*' || (port ?? defaultPort(scheme)) === o.port;
  });
}

const defaultPort = (scheme: string): string => (scheme === 'https' ? '443' : '80');

function parseOrigin(origin: string): { scheme: string; host: string; port: string } | null {
  try {
    const u = new URL(origin);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    const scheme = u.protocol.slice(0, -1);
    return { scheme, host: u.hostname.toLowerCase(), port: u.port || defaultPort(scheme) };
  } catch {
    return null;
  }
}

/** Checks a pattern's syntax (for the admin API). */
export const validOriginPattern = (p: string): boolean =>
  p === '*' || /^(https?):\/\/(\*\.)?([^:/*\s]+|\[[0-9a-fA-F:]+\])(?::(\d+|\*))?\/?$/.test(p);
