import { describe, expect, it } from 'vitest';
import { engineOptions, pinsInScope, teamGroupPins, toNoteInputs } from './run-inputs';

describe('run inputs', () => {
  it('gives a pinned note its group and leaves the others unpinned', () => {
    const inputs = toNoteInputs(
      [
        { id: 'a', text: 'card late' },
        { id: 'b', text: 'fees' },
      ],
      { b: 'Team group 1', z: 'Gone' },
    );
    expect(inputs).toEqual([
      { id: 'a', text: 'card late' },
      { id: 'b', text: 'fees', pinnedGroup: 'Team group 1' },
    ]);
    expect('pinnedGroup' in inputs[0]!).toBe(false);
  });

  it('drops the pins of notes no longer in the scope', () => {
    expect(pinsInScope({ a: 'x', b: 'y', c: 'z' }, [{ id: 'a' }, { id: 'c' }])).toEqual({
      a: 'x',
      c: 'z',
    });
    expect(pinsInScope({ a: 'x' }, [])).toEqual({});
  });

  it('names the team’s groups in order, from 1', () => {
    expect(teamGroupPins([['a', 'b'], ['c']])).toEqual({
      a: 'Team group 1',
      b: 'Team group 1',
      c: 'Team group 2',
    });
    expect(teamGroupPins([])).toEqual({});
  });

  it('asks for an exact number of groups or for the granularity, never both', () => {
    expect(engineOptions({ granularity: 0.5, k: 3 })).toEqual({ onProgress: undefined, k: 3 });
    expect(engineOptions({ granularity: -0.25, k: null })).toEqual({
      onProgress: undefined,
      granularity: -0.25,
    });
  });

  it('passes the progress on as a fraction alone', () => {
    const seen: unknown[][] = [];
    const engine = engineOptions({ granularity: 0, k: null }, (...args: unknown[]) => {
      seen.push(args);
    });
    (engine.onProgress as (...args: unknown[]) => void)(0.5, 'extra');
    expect(seen).toEqual([[0.5]]);
  });
});
