import { isRecord } from '../common';
import { LIMITS } from './limits';

/**
 * Readers for untrusted JSON fields, used by restore: missing or null gives the default; present
 * with the wrong type throws InvalidField naming the field (restore turns it into a result).
 */

/** Default time for a file that lost its own: clearly "unknown", and still a valid date. */
export const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class InvalidField extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${field} ${detail}`);
  }
}

export type Obj = Record<string, unknown>;
export const describe = (v: unknown): string =>
  Array.isArray(v)
    ? 'a list'
    : v === null
      ? 'null'
      : typeof v === 'object'
        ? 'an object'
        : typeof v === 'string'
          ? 'text'
          : `${typeof v} ${String(v)}`;
export const fail = (field: string, expected: string, got: unknown): never => {
  throw new InvalidField(field, `must be ${expected}, not ${describe(got)}.`);
};
export const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`;

/** Warnings grouped by message, so 2,000 notes with one problem give one line. */
export class Warnings {
  private readonly byMessage = new Map<string, string[]>();
  add(message: string, field: string): void {
    const list = this.byMessage.get(message);
    if (list) list.push(field);
    else this.byMessage.set(message, [field]);
  }
  addAll(messages: readonly string[]): void {
    for (const m of messages) this.add(m, '');
  }
  list(): string[] {
    return [...this.byMessage].map(([message, fields]) => {
      const named = fields.filter((f) => f !== '');
      if (named.length === 0) return message;
      const shown =
        named.slice(0, 3).join(', ') + (named.length > 3 ? ` and ${named.length - 3} more` : '');
      return `${message} (${shown})`;
    });
  }
}

// Field readers: missing or null → the default; present with the wrong type → invalid, naming it.
export const text = (o: Obj, key: string, path: string, fallback: string): string => {
  const v = o[key];
  if (v === undefined || v === null) return fallback;
  return typeof v === 'string' ? v : fail(at(path, key), 'text', v);
};
export const nullableText = (o: Obj, key: string, path: string): string | null => {
  const v = o[key];
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : fail(at(path, key), 'text or null', v);
};
export const id = (o: Obj, key: string, path: string): string => {
  const v = o[key];
  if (typeof v === 'string' && v.length > LIMITS.maxIdLength)
    throw new InvalidField(
      at(path, key),
      `is ${v.length.toLocaleString('en')} characters long; ids are at most ${LIMITS.maxIdLength}.`,
    );
  if (typeof v === 'string' && v !== '') return v;
  return v === undefined
    ? fail(at(path, key), 'a non-empty id (it is missing)', v)
    : fail(at(path, key), 'a non-empty id', v);
};
export const bool = (o: Obj, key: string, path: string, fallback: boolean): boolean => {
  const v = o[key];
  if (v === undefined || v === null) return fallback;
  return typeof v === 'boolean' ? v : fail(at(path, key), 'true or false', v);
};
export const number = (o: Obj, key: string, path: string, fallback: number): number => {
  const v = o[key];
  if (v === undefined || v === null) return fallback;
  return typeof v === 'number' && Number.isFinite(v) ? v : fail(at(path, key), 'a number', v);
};
export const count = (o: Obj, key: string, path: string, fallback: number): number => {
  const v = number(o, key, path, fallback);
  return Number.isInteger(v) && v >= 0 ? v : fail(at(path, key), 'a whole number ≥ 0', v);
};
export const list = (o: Obj, key: string, path: string): readonly unknown[] => {
  const v = o[key];
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : fail(at(path, key), 'a list', v);
};
export const record = (v: unknown, path: string): Obj =>
  isRecord(v) ? v : fail(path, 'an object', v);
export const optionalRecord = (o: Obj, key: string, path: string): Obj | undefined => {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  return isRecord(v) ? v : fail(at(path, key), 'an object', v);
};
export const textList = (o: Obj, key: string, path: string): string[] =>
  list(o, key, path).map((v, i) =>
    typeof v === 'string' ? v : fail(at(at(path, key), i), 'text', v),
  );
export const oneOf = <T extends string>(
  o: Obj,
  key: string,
  path: string,
  allowed: readonly T[],
  fallback: T,
  warnings: Warnings,
): T => {
  const v = o[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string') return fail(at(path, key), `one of ${allowed.join(', ')}`, v);
  if ((allowed as readonly string[]).includes(v)) return v as T;
  warnings.add(
    `Unknown or inconsistent ${key} values were replaced by "${fallback}".`,
    at(path, key),
  );
  return fallback;
};
/** Unknown fields travel on untouched (a newer Touchpoint may have written them). */
export const withExtras = <T extends object>(
  known: T,
  source: Obj,
  knownKeys: readonly string[],
): T => {
  for (const key of Object.keys(source)) {
    if (!knownKeys.includes(key)) (known as Obj)[key] = source[key];
  }
  return known;
};
export const uniqueById = <T extends { id: string }>(
  items: T[],
  path: string,
  warnings: Warnings,
): T[] => {
  const seen = new Set<string>();
  return items.filter((item, i) => {
    if (seen.has(item.id)) {
      warnings.add('Entries repeating an earlier id were dropped.', at(path, i));
      return false;
    }
    seen.add(item.id);
    return true;
  });
};
