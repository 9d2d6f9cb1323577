import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOf, errorMessage, hexOf, isRecord, localIsoDate, utf8Length } from './common';

/** Any UTF-16: every code unit alone (lone surrogates too) mixed with astral code points. */
const anyUtf16 = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
      fc.integer({ min: 0x10000, max: 0x10ffff }).map((point) => String.fromCodePoint(point)),
    ),
  )
  .map((parts) => parts.join(''));

describe('utf8Length', () => {
  it('counts hand-checked strings', () => {
    expect(utf8Length('')).toBe(0);
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('日本')).toBe(6);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('\ud800')).toBe(3);
    // A lone high surrogate is one replacement character; what follows it still counts.
    expect(utf8Length('\ud800日')).toBe(6);
    expect(utf8Length('\udc00\ud800')).toBe(6);
  });

  it('agrees with TextEncoder on any string', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(anyUtf16, (text) => utf8Length(text) === encoder.encode(text).byteLength),
    );
  });
});

describe('isRecord', () => {
  it('accepts plain objects only', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord(null)).toBe(false);
    expect(isRecord([])).toBe(false);
    expect(isRecord('x')).toBe(false);
    expect(isRecord(undefined)).toBe(false);
  });
});

describe('errorMessage', () => {
  it("gives an Error's message, a string, an object's message, else JSON or text", () => {
    expect(errorMessage(new TypeError('bad input'))).toBe('bad input');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage({ message: 'Rate limit exceeded', status: 429 })).toBe(
      'Rate limit exceeded',
    );
    expect(errorMessage({ status: 500 })).toBe('{"status":500}');
    expect(errorMessage(undefined)).toBe('undefined');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(errorMessage(cyclic)).toBe('[object Object]');
  });
});

describe('countOf', () => {
  it('puts the noun in the singular for one only', () => {
    expect(countOf(0, 'note')).toBe('0 notes');
    expect(countOf(1, 'note')).toBe('1 note');
    expect(countOf(2, 'person', 'people')).toBe('2 people');
  });
});

describe('hexOf', () => {
  it('writes each byte as two lowercase hex digits, leading zero kept', () => {
    expect(hexOf(new Uint8Array([0, 9, 10, 255, 171]))).toBe('00090affab');
    expect(hexOf(new Uint8Array([]))).toBe('');
  });
});

describe('localIsoDate', () => {
  it('is the local calendar date, month and day with two digits', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
    expect(localIsoDate(new Date(2026, 11, 31, 0, 5))).toBe('2026-12-31');
  });
});
