/** Opaque page cursors: base64url JSON of the last item's sort key. Any store adapter can use them. */
export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not one this server issued for this list');
    this.name = 'InvalidCursorError';
  }
}

export const encodeCursor = (key: readonly (string | number)[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** Decodes a cursor whose parts have the given types (`s` string, `n` number). */
export function decodeCursor(cursor: string, shape: string): (string | number)[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(key) || key.length !== shape.length) throw new InvalidCursorError();
  key.forEach((part, i) => {
    const ok = shape[i] === 'n' ? typeof part === 'number' && Number.isFinite(part) : typeof part === 'string';
    if (!ok) throw new InvalidCursorError();
  });
  return key as (string | number)[];
}
