import { LIMITS } from './limits';

/** Keys that could reach an object's prototype if some later code merged the file carelessly. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface InputProblem {
  /** Where, as `map.notes[3].text`. */
  field: string;
  message: string;
}

const child = (path: string, key: string | number): string =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? path === ''
        ? key
        : `${path}.${key}`
      : `${path}[${JSON.stringify(key.slice(0, 40))}]`;

/**
 * One pass over untrusted input before anything reads it: prototype keys anywhere, nesting too
 * deep, strings or lists too long, and values JSON cannot hold (from a stored snapshot). Returns
 * the first problem found, naming the field.
 */
export function scanInput(value: unknown): InputProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const {
      value: v,
      path,
      depth,
    } = stack.pop() as { value: unknown; path: string; depth: number };
    const here = path === '' ? 'the file' : path;
    if (typeof v === 'string') {
      if (v.length > LIMITS.maxStringLength) {
        return {
          field: here,
          message: `${here} is ${v.length.toLocaleString('en')} characters long; the limit is ${LIMITS.maxStringLength.toLocaleString('en')}.`,
        };
      }
      continue;
    }
    if (v === null || typeof v === 'number' || typeof v === 'boolean' || v === undefined) continue;
    if (typeof v !== 'object') {
      return {
        field: here,
        message: `${here} holds a ${typeof v}, which a journey-map file cannot contain.`,
      };
    }
    if (depth >= LIMITS.maxDepth) {
      return {
        field: here,
        message: `${here} is nested more than ${LIMITS.maxDepth} levels deep.`,
      };
    }
    if (Array.isArray(v)) {
      const limit = path === 'map.notes' ? LIMITS.maxNotes : LIMITS.maxArrayLength;
      if (v.length > limit) {
        const what = path === 'map.notes' ? 'notes' : 'entries';
        return {
          field: here,
          message: `${here} has ${v.length.toLocaleString('en')} ${what}; the limit is ${limit.toLocaleString('en')}.`,
        };
      }
      for (let i = v.length - 1; i >= 0; i -= 1)
        stack.push({ value: v[i], path: child(path, i), depth: depth + 1 });
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      return { field: here, message: `${here} is not plain JSON data.` };
    }
    const keys = Object.keys(v);
    if (keys.length > LIMITS.maxArrayLength) {
      return {
        field: here,
        message: `${here} has ${keys.length.toLocaleString('en')} fields; the limit is ${LIMITS.maxArrayLength.toLocaleString('en')}.`,
      };
    }
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const key = keys[i] as string;
      if (FORBIDDEN_KEYS.has(key)) {
        return {
          field: child(path, key),
          message: `${here} has a field named "${key}", which is not allowed.`,
        };
      }
      if (key.length > LIMITS.maxStringLength) {
        return {
          field: here,
          message: `${here} has a field name longer than ${LIMITS.maxStringLength.toLocaleString('en')} characters.`,
        };
      }
      stack.push({
        value: (v as Record<string, unknown>)[key],
        path: child(path, key),
        depth: depth + 1,
      });
    }
  }
  return null;
}
