/** A random URL-safe id (22 chars, 128 bits) for client-made ids. */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).slice(0, 22).replace(/[+/]/g, (c) => (c === '+' ? '-' : '_'));
}
