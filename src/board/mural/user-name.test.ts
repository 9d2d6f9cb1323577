import { describe, expect, it } from 'vitest';
import { nameOf } from './user-name';

describe('nameOf', () => {
  it('joins the first and last names given', () => {
    expect(nameOf({ firstName: 'Ada', lastName: 'Lovelace', name: 'al' })).toBe('Ada Lovelace');
    expect(nameOf({ firstName: 'Ada', lastName: 7 })).toBe('Ada');
  });

  it('falls back to name, then to nothing', () => {
    expect(nameOf({ name: 'Grace' })).toBe('Grace');
    expect(nameOf({ id: 'u1' })).toBe('');
    expect(nameOf('Ada')).toBe('');
  });
});
