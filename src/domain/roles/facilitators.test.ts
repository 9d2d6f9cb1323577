import { describe, expect, it } from 'vitest';
import {
  EMPTY_FACILITATORS,
  mayAct,
  parseFacilitators,
  refusalFor,
  withFacilitator,
  withoutFacilitator,
} from './facilitators';

const alex = { id: 'u-alex', name: 'Alex' };
const sam = { id: 'u-sam', name: 'Sam' };

describe('facilitators', () => {
  it('lets anyone act while nobody is named, then only the named', () => {
    expect(mayAct(EMPTY_FACILITATORS, 'u-sam')).toBe(true);
    const one = withFacilitator(EMPTY_FACILITATORS, alex);
    if (!one.ok) throw new Error(one.reason);
    expect(mayAct(one.list, 'u-alex')).toBe(true);
    expect(mayAct(one.list, 'u-sam')).toBe(false);
    expect(refusalFor('start-round', one.list)).toBe(
      'Only this workshop’s facilitators (Alex) can start vote rounds. Ask one of them to add you under Map › Facilitators; you can still add and tag notes and vote.',
    );
  });

  it('adds once, never removes the last one, and reads any stored value safely', () => {
    const one = withFacilitator(EMPTY_FACILITATORS, alex);
    if (!one.ok) throw new Error();
    const two = withFacilitator(one.list, sam);
    if (!two.ok) throw new Error();
    expect(withFacilitator(two.list, sam)).toEqual(two);
    expect(two.list.ids).toEqual(['u-alex', 'u-sam']);
    const back = withoutFacilitator(two.list, 'u-alex');
    expect(back).toEqual({ ok: true, list: { ids: ['u-sam'], names: { 'u-sam': 'Sam' } } });
    if (!back.ok) throw new Error();
    expect(withoutFacilitator(back.list, 'u-sam')).toMatchObject({ ok: false });
    expect(parseFacilitators({ ids: ['a', 'a', 3, ''], names: { a: 'Ann', b: 'x' } })).toEqual({
      ids: ['a'],
      names: { a: 'Ann' },
    });
    expect(parseFacilitators('nonsense')).toEqual(EMPTY_FACILITATORS);
  });
});
