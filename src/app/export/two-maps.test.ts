/**
 * Two maps on one board that share stage names (issue 9): counts, vote scopes, grouping scopes
 * and exports each touch only their own map.
 */
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import schema from '../../../public/schema/journey-map.v2.json';
import { FACILITATOR } from '../../../test/fakes/playground-board';
import { findDanglingReferences } from '../../domain/export/keep-map-references';
import type { MapSpec } from '../../domain/journey/map-spec';
import { createSpecFromPreset, findPreset } from '../../domain/journey/presets';
import { createStageContexts } from '../../domain/stages/decide-stage';
import { summarizeStages } from '../../domain/stages/summarize-stages';
import { saveAction } from '../actions/action-store';
import { notesInScope } from '../grouping/grouping-scope';
import { createMap } from '../map/create-map';
import { loadPlacedMaps } from '../map/load-placed-maps';
import type { StageMapView } from '../stages/stage-view';
import { startRound } from '../voting/rounds';
import { loadVoteContext, resolveTarget } from '../voting/vote-items';
import { buildJourneyMap } from './build-journey-map';
import { addClassicMap, createFixture, noteInCell, type Fixture } from './testing/export-fixture';

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

async function twoMaps(fx: Fixture) {
  const first = await addClassicMap(fx);
  let n = 0;
  const spec: MapSpec = {
    ...createSpecFromPreset(findPreset('classic')!, () => `c${(n++).toString(36)}`),
    title: 'Café opening',
  };
  const made = await createMap(fx.board, spec, { near: { x: 30_000, y: 0, w: 1, h: 1 } });
  if (made.status !== 'done') throw new Error(made.status);
  const second = { spec, record: made.record };
  // Two notes in the first map, one of them tagged; three in the café map; one loose tagged
  // with the café's stage; one loose note nobody's.
  const a1 = noteInCell(fx, first.record, 0, 0, 'Sees an ad');
  const a2 = noteInCell(fx, first.record, 1, 0, 'Compares fees');
  const tag = (title: string) => fx.local.tags().find((t) => t.title === title)!.id;
  fx.local.human.toggleTag(a2.id, tag('Stage · Consideration'));
  const c1 = noteInCell(fx, second.record, 0, 0, 'Walks past');
  const c2 = noteInCell(fx, second.record, 1, 0, 'Reads the menu');
  const c3 = noteInCell(fx, second.record, 2, 0, 'Orders');
  const cLoose = fx.local.human.addNote({
    x: -5000,
    y: -5000,
    content: 'Card delivery took 3 weeks',
    by: FACILITATOR.id,
  });
  fx.local.human.toggleTag(cLoose.id, tag('Café · Onboarding'));
  const loose = fx.local.human.addNote({
    x: -8000,
    y: -5000,
    content: 'Parking lot',
    by: FACILITATOR.id,
  });
  return { first, second, ids: { a1, a2, c1, c2, c3, cLoose, loose } };
}

describe('two maps with the same stage names on one board', () => {
  it('counts each map’s notes only; the stage counts add up', async () => {
    const fx = await createFixture(null);
    await twoMaps(fx);
    const placed = await loadPlacedMaps(fx.board);
    const contexts = createStageContexts(placed);
    const items = await fx.board.listItems(['note']);
    const [a, c] = contexts.map((ctx) => summarizeStages(items, ctx));
    expect(a!.notesInMap).toBe(2);
    expect(c!.notesInMap).toBe(4);
    expect(c!.outsideFrame).toHaveLength(1);
    for (const s of [a!, c!]) {
      const staged = s.perStage.reduce((n, st) => n + st.count, 0);
      expect(staged + s.undecidedInMap.length).toBe(s.notesInMap);
    }
    expect(a!.perStage.find((s) => s.name === 'Onboarding')!.count).toBe(0);
    expect(c!.perStage.find((s) => s.name === 'Onboarding')!.count).toBe(1);
  });

  it('vote and grouping scopes name their map and hold only its notes', async () => {
    const fx = await createFixture(null);
    const { first, second, ids } = await twoMaps(fx);
    const context = await loadVoteContext(fx.board);
    const whole = resolveTarget(context, 'map', second.spec.id, []);
    expect(whole.refId).toBe(second.spec.id);
    expect(whole.description).toBe('Whole map · Café opening (4 notes)');
    expect(new Set(whole.itemIds)).toEqual(
      new Set([ids.c1.id, ids.c2.id, ids.c3.id, ids.cLoose.id]),
    );
    const firstWhole = resolveTarget(context, 'map', first.spec.id, []);
    expect(new Set(firstWhole.itemIds)).toEqual(new Set([ids.a1.id, ids.a2.id]));
    const stage = resolveTarget(context, 'stage', second.spec.stages[1]!.id, []);
    expect(stage.itemIds).toEqual([ids.c2.id]);
    expect(stage.description).toBe('Stage · Consideration (Café opening) (1 note)');

    const placed = await loadPlacedMaps(fx.board);
    const contexts = createStageContexts(placed);
    const items = await fx.board.listItems(['note']);
    const view = { placed: placed[0], context: contexts[0] } as unknown as StageMapView;
    const scoped = notesInScope(
      { kind: 'stage', mapId: first.spec.id, stageId: first.spec.stages[1]!.id },
      items,
      view,
      [],
    );
    expect(scoped.map((n) => n.id)).toEqual([ids.a2.id]);
    const mapScope = notesInScope({ kind: 'map', mapId: first.spec.id }, items, view, []);
    expect(new Set(mapScope.map((n) => n.id))).toEqual(new Set([ids.a1.id, ids.a2.id]));
  });

  it('each map’s export holds its notes, rounds and actions only, valid and with no dangling reference', async () => {
    const fx = await createFixture(null);
    const { first, second, ids } = await twoMaps(fx);
    const context = await loadVoteContext(fx.board);
    const settings = (refId: string, title: string) => ({
      title,
      target: resolveTarget(context, 'map', refId, []),
      votesPerPerson: 3,
      perItemCap: 2,
      weights: null,
      privacy: 'open' as const,
      durationMinutes: null,
    });
    const r1 = await startRound(fx.board, FACILITATOR, settings(first.spec.id, 'Bank pains'));
    const r2 = await startRound(fx.board, FACILITATOR, settings(second.spec.id, 'Café pains'));
    if (!r1.ok || !r2.ok) throw new Error('rounds');
    const action = async (id: string, title: string, sourceItemIds: string[]) => {
      const saved = await saveAction(fx.board, {
        id,
        title,
        ownerTeam: 'Product',
        dueDate: '2027-01-15',
        impact: 3,
        feasibility: 3,
        status: 'todo',
        sourceItemIds,
        createdAt: '2026-12-05T00:00:00.000Z',
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
    };
    await action('act-bank', 'Show fees', [ids.a2.id]);
    // Its first source is the café's: it goes with the café map, pointing only at café notes.
    await action('act-cafe', 'Bigger menu', [ids.c2.id, ids.a1.id]);
    await action('act-free', 'Team retro', []);
    // Only café sources: the café's, never the first map's unsourced one (it was, before).
    await action('act-cafe-only', 'Warmer cups', [ids.c1.id]);
    // Its first source is gone from the board: the next one still there says whose it is.
    await action('act-gone', 'Stamp app', ['gone-note', ids.c1.id]);

    const a = await buildJourneyMap(fx.workshop, { includeAuthors: false, mapId: first.spec.id });
    const c = await buildJourneyMap(fx.workshop, { includeAuthors: false, mapId: second.spec.id });
    if (!a.ok || !c.ok) throw new Error('no map');
    expect(a.file.map.notes.map((n) => n.text).sort()).toEqual(['Compares fees', 'Sees an ad']);
    expect(c.file.map.notes.map((n) => n.text).sort()).toEqual([
      'Card delivery took 3 weeks',
      'Orders',
      'Reads the menu',
      'Walks past',
    ]);
    expect(c.file.map.notes.find((n) => n.text === 'Card delivery took 3 weeks')).toMatchObject({
      loose: true,
      stageId: second.spec.stages[3]!.id,
    });
    expect(a.file.map.voteRounds.map((r) => r.title)).toEqual(['Bank pains']);
    expect(c.file.map.voteRounds.map((r) => r.title)).toEqual(['Café pains']);
    expect(a.file.map.actions.map((x) => x.id).sort()).toEqual(['act-bank', 'act-free']);
    expect(c.file.map.actions).toEqual([
      expect.objectContaining({ id: 'act-cafe', sourceItemIds: [ids.c2.id] }),
      expect.objectContaining({ id: 'act-cafe-only', sourceItemIds: [ids.c1.id] }),
      expect.objectContaining({ id: 'act-gone', sourceItemIds: [ids.c1.id] }),
    ]);
    for (const file of [a.file, c.file]) {
      expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
      expect(findDanglingReferences(file.map)).toEqual([]);
    }

    const withLoose = await buildJourneyMap(fx.workshop, {
      includeAuthors: false,
      mapId: second.spec.id,
      includeLoose: true,
    });
    if (!withLoose.ok) throw new Error('no map');
    expect(withLoose.file.map.notes.map((n) => n.text)).toContain('Parking lot');
    expect(withLoose.file.map.notes.map((n) => n.text)).not.toContain('Sees an ad');
  });
});
