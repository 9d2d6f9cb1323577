import { describe, expect, it } from 'vitest';
import type { RaciAssignment } from './raci';
import { RACI_FRAME, RACI_FRAME_KEY, layoutRaciFrame, raciColumns } from './raci-frame';

const stage = (id: string) => ({ kind: 'stage' as const, id });
const rows = [
  { subject: stage('s1'), name: 'Stage · Awareness' },
  { subject: { kind: 'action' as const, id: 'a1' }, name: 'Action · Fix\nthe   email' },
];
const assignments: RaciAssignment[] = [
  { subject: stage('s1'), department: 'Legal team', role: 'C' },
  { subject: stage('s1'), department: 'sales', role: 'R' },
  { subject: stage('s1'), department: 'marketing', role: 'A' },
  { subject: { kind: 'action', id: 'a1' }, department: 'sales', role: 'A' },
];

describe('RACI frame', () => {
  it('has a column per department with a role: the known list first, custom names after', () => {
    expect(raciColumns(assignments)).toEqual(['marketing', 'sales', 'Legal team']);
  });

  it('lays out a frame at the origin, a row per subject, a cell per role, all inside the frame', () => {
    const items = layoutRaciFrame('Map', rows, assignments, { x: 100, y: 200 })!;
    const frame = items.find((i) => i.key === RACI_FRAME_KEY)!;
    expect(frame).toMatchObject({ kind: 'frame', text: 'RACI · Map', rect: { x: 100, y: 200 } });
    const cells = items.filter((i) => i.key.startsWith('raci:cell:'));
    expect(cells.map((c) => [c.key, c.text])).toEqual([
      ['raci:cell:stage:s1:marketing', 'A'],
      ['raci:cell:stage:s1:sales', 'R'],
      ['raci:cell:stage:s1:Legal team', 'C'],
      ['raci:cell:action:a1:sales', 'A'],
    ]);
    expect(items.find((i) => i.key === 'raci:row:action:a1')!.text).toBe('Action · Fix the email');
    for (const item of items.slice(1)) {
      expect(item.parentKey).toBe(RACI_FRAME_KEY);
      expect(item.rect.x).toBeGreaterThanOrEqual(frame.rect.x);
      expect(item.rect.y).toBeGreaterThanOrEqual(frame.rect.y);
      expect(item.rect.x + item.rect.w).toBeLessThanOrEqual(frame.rect.x + frame.rect.w);
      expect(item.rect.y + item.rect.h).toBeLessThanOrEqual(frame.rect.y + frame.rect.h);
    }
    // The cell of a department sits under its column header, in its subject's row.
    const header = items.find((i) => i.key === 'raci:col:sales')!;
    const row = items.find((i) => i.key === 'raci:row:action:a1')!;
    const cell = items.find((i) => i.key === 'raci:cell:action:a1:sales')!;
    expect([cell.rect.x, cell.rect.y]).toEqual([header.rect.x, row.rect.y]);
    expect(cell.fill).toBe(RACI_FRAME.cellFill.A);
  });

  it('is null when nobody has a role yet', () => {
    expect(layoutRaciFrame('Map', rows, [], { x: 0, y: 0 })).toBeNull();
  });
});
