import { describe, expect, it } from 'vitest';
import { createMiroBoard } from '../../board/miro/adapter';
import { createDemoBoardState, DEMO_USERS } from '../../board/playground/demo-board';
import { createLocalBoard } from '../../board/playground/sdk/local-board';
import { loadMaps } from '../map/map-store';
import { seedDemoWorkshop } from './seed-demo-workshop';

async function seeded() {
  const local = createLocalBoard({ state: createDemoBoardState() });
  const board = createMiroBoard(local.connect(DEMO_USERS[0]!));
  await seedDemoWorkshop(board);
  return { local, board };
}

describe('seedDemoWorkshop', () => {
  it('opens on a Touchpoint map with tagged, untagged and loose notes', async () => {
    const { board } = await seeded();
    const { maps } = await loadMaps(board);
    expect(maps).toHaveLength(1);
    const map = maps[0]!;
    expect(map.incomplete).toBe(false);
    expect(map.spec.stages.map((s) => s.name)).toEqual([
      'Awareness',
      'Consideration',
      'Purchase',
      'Onboarding',
      'Retention',
    ]);

    const notes = await board.listItems(['note']);
    expect(notes.length).toBeGreaterThanOrEqual(60);
    const frameId = map.itemIds['frame'];
    const inMap = notes.filter((n) => n.parentId === frameId);
    expect(inMap.length).toBeGreaterThanOrEqual(30);
    expect(inMap.some((n) => n.tags.length === 0)).toBe(true);
    expect(
      inMap.filter((n) => n.tags.some((t) => t.startsWith('Stage · '))).length,
    ).toBeGreaterThan(20);
    expect(notes.filter((n) => n.parentId === null).length).toBeGreaterThanOrEqual(20);

    // Every map note sits inside the frame, in a cell of its lane's colour.
    const frame = (await board.listItems(['frame'])).find((f) => f.id === frameId)!;
    for (const n of inMap) {
      expect(n.rect.x).toBeGreaterThanOrEqual(frame.rect.x);
      expect(n.rect.y + n.rect.h).toBeLessThanOrEqual(frame.rect.y + frame.rect.h);
    }
  });

  it('keeps the loose workshop clear of the map', async () => {
    const { board } = await seeded();
    const [frame] = await board.listItems(['frame']);
    const loose = (await board.listItems(['note'])).filter((n) => n.parentId === null);
    for (const n of loose) expect(n.rect.y).toBeGreaterThan(frame!.rect.y + frame!.rect.h);
  });
});
