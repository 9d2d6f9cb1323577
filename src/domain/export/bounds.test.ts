import { describe, expect, it } from 'vitest';
import { compactKey } from './compact-key';
import { LIMITS } from './limits';
import { restore } from './restore';

const file = (
  over: { boardId?: string; stageId?: string; notes?: number; importKey?: string } = {},
) => ({
  format: 'touchpoint.journey-map',
  version: 1,
  exportedAt: '2026-11-22T18:30:00.000Z',
  source: {
    platform: 'miro',
    boardId: over.boardId ?? 'b1',
    boardName: 'Workshop',
    appVersion: '0.1.0',
  },
  map: {
    id: 'm1',
    title: 'Journey',
    preset: 'classic',
    stages: [{ id: over.stageId ?? 's1', name: 'Awareness' }],
    lanes: [{ id: 'l1', name: 'Pain points', kind: 'pain_points' }],
    notes: Array.from({ length: over.notes ?? 1 }, (_, i) => ({
      id: `n${i}`,
      text: `Note ${i}`,
      ...(over.importKey ? { importKey: `${over.importKey}${i}` } : {}),
    })),
  },
});

describe('compactKey', () => {
  it('keeps short keys and hashes long ones into 18 characters, deterministically', () => {
    expect(compactKey('uXjVN123=:3458764512345')).toBe('uXjVN123=:3458764512345');
    const long = 'b'.repeat(100_000);
    const key = compactKey(`${long}:n1`);
    expect(key).toMatch(/^h:[0-9a-f]{16}$/);
    expect(compactKey(`${long}:n1`)).toBe(key);
    expect(compactKey(`${long}:n2`)).not.toBe(key);
    expect(compactKey('x'.repeat(LIMITS.maxImportKeyLength))).toHaveLength(
      LIMITS.maxImportKeyLength,
    );
  });

  it('gives distinct keys to 20,000 long keys that differ in one place', () => {
    const base = 'k'.repeat(200);
    const keys = new Set(Array.from({ length: 20_000 }, (_, i) => compactKey(`${base}:${i}`)));
    expect(keys.size).toBe(20_000);
  });
});

describe('restore bounds (issue 10 §6)', () => {
  it('does not copy a 100,000-character board id into every note key', () => {
    const result = restore(file({ boardId: 'b'.repeat(100_000), notes: 500 }));
    if (!result.ok) throw new Error(result.message);
    const keys = result.file.map.notes.map((n) => n.importKey);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(LIMITS.maxImportKeyLength);
    expect(new Set(keys).size).toBe(500);
  });

  it('compacts long import keys the file carries', () => {
    const result = restore(file({ importKey: 'z'.repeat(5_000), notes: 3 }));
    if (!result.ok) throw new Error(result.message);
    expect(result.file.map.notes.every((n) => n.importKey.startsWith('h:'))).toBe(true);
  });

  it('refuses a 1,500-character stage id, naming the field, before anything is written', () => {
    const result = restore(file({ stageId: 's'.repeat(1_500) }));
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      field: 'map.stages[0].id',
    });
    if (!result.ok)
      expect(result.message).toContain('is 1,500 characters long; ids are at most 64');
  });
});
