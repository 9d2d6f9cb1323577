import { describe, expect, it } from 'vitest';
import { currentValues, stateId, type StateEntry } from './shared-state';

const entry = (key: string, json: string, widgetId: string): StateEntry => ({
  collection: 'maps',
  key,
  json,
  widgetId,
});

describe('currentValues', () => {
  it('gives each key the value of its last listed entry (two made at once: the last wins)', () => {
    const index = new Map([
      [stateId('maps', 'a'), [entry('a', '1', 'w1'), entry('a', '2', 'w2')]],
      [stateId('maps', 'b'), [entry('b', '"x"', 'w3')]],
      [stateId('maps', 'c'), []],
    ]);
    expect([...currentValues(index)]).toEqual([
      [stateId('maps', 'a'), '2'],
      [stateId('maps', 'b'), '"x"'],
    ]);
  });
});
