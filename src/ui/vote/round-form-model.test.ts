import { describe, expect, it } from 'vitest';
import type { VoteContext } from '../../app/voting/vote-items';
import { validateRoundSettings } from '../../domain/voting/validate-round-settings';
import { parseWeights, toRoundSettings, type RoundForm } from './round-form-model';

const context: VoteContext = {
  notes: [],
  clusters: null,
  mapNoteIds: ['n1', 'n2'],
  hasMap: true,
  maps: [
    { id: 'm', name: 'Journey', notes: 2, noteIds: ['n1', 'n2'], mapId: 'm', mapName: 'Journey' },
  ],
  stages: [],
  lanes: [],
};
const form: RoundForm = {
  title: 'Pains',
  targetKind: 'map',
  refId: '',
  votesPerPerson: '5',
  stacking: false,
  cap: '2',
  weights: '',
  privacy: 'open',
  duration: '',
};

describe('the start form as round settings', () => {
  it('reads weights written 3-2-1 or 3, 2, 1', () => {
    expect(parseWeights('3-2-1')).toEqual([3, 2, 1]);
    expect(parseWeights(' 3, 2 ,1 ')).toEqual([3, 2, 1]);
    expect(parseWeights('')).toBeNull();
    expect(parseWeights('3-x')?.map(Number.isNaN)).toEqual([false, true]);
  });

  it('plain votes with a cap, stacking, and a time box', () => {
    expect(toRoundSettings(form, context, [])).toMatchObject({
      votesPerPerson: 5,
      perItemCap: 2,
      weights: null,
      durationMinutes: null,
      target: { kind: 'map', itemIds: ['n1', 'n2'], description: 'Whole map (2 notes)' },
    });
    expect(toRoundSettings({ ...form, stacking: true, duration: '10' }, context, [])).toMatchObject(
      {
        perItemCap: null,
        durationMinutes: 10,
      },
    );
  });

  it('ranked weights set the budget and a cap of one, which the domain accepts', () => {
    const settings = toRoundSettings(
      { ...form, weights: '3-2-1', votesPerPerson: '9' },
      context,
      [],
    );
    expect(settings).toMatchObject({ votesPerPerson: 3, perItemCap: 1, weights: [3, 2, 1] });
    expect(validateRoundSettings(settings).ok).toBe(true);
  });

  it('an empty number stays invalid, with the domain message', () => {
    const checked = validateRoundSettings(
      toRoundSettings({ ...form, votesPerPerson: '' }, context, []),
    );
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0]?.field).toBe('votesPerPerson');
  });
});
