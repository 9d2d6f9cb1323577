import { describe, expect, it } from 'vitest';
import type { MapSpec } from './map-spec';
import { chooseStageTagTitles, mapTagPrefix } from './stage-tag-titles';

const spec = (title: string, names: string[]): MapSpec => ({
  id: 'm',
  title,
  presetId: 'blank',
  persona: null,
  stages: names.map((name, i) => ({ id: `s${i}`, name })),
  lanes: [{ id: 'l', name: 'Lane', kind: 'other' }],
});

describe('chooseStageTagTitles', () => {
  it('uses `Stage · <name>` while no other map holds it', () => {
    expect(
      chooseStageTagTitles(spec('Café', ['Awareness']), { taken: [], maxTagTitle: 120 }),
    ).toEqual({ s0: 'Stage · Awareness' });
  });

  it('prefixes with the map title when another map holds the plain title (any case)', () => {
    const titles = chooseStageTagTitles(spec('Café opening', ['Awareness', 'Retention']), {
      taken: ['stage ·  awareness'],
      maxTagTitle: 120,
    });
    expect(titles).toEqual({ s0: 'Café · Awareness', s1: 'Stage · Retention' });
  });

  it('stays within MURAL’s 25 characters with the longest stage name allowed (17)', () => {
    const name = 'x'.repeat(17);
    const titles = chooseStageTagTitles(spec('Supercalifragilistic', [name]), {
      taken: [`Stage · ${name}`, `Super · ${name}`],
      maxTagTitle: 25,
    });
    expect(titles.s0!.length).toBeLessThanOrEqual(25);
    expect(titles.s0).toBe(`Supe2 · ${name}`);
  });

  it('keeps a previous title while it still names the stage and nobody else holds it', () => {
    const previous = { s0: 'Café · Awareness' };
    expect(
      chooseStageTagTitles(spec('Renamed map', ['Awareness']), {
        taken: [],
        previous,
        maxTagTitle: 120,
      }),
    ).toEqual(previous);
    // Renamed stage: a new title.
    expect(
      chooseStageTagTitles(spec('Café', ['Discovery']), { taken: [], previous, maxTagTitle: 120 }),
    ).toEqual({ s0: 'Stage · Discovery' });
    // Held by an older map (a board made before tags were per map): this map moves off it.
    expect(
      chooseStageTagTitles(spec('Café', ['Awareness']), {
        taken: ['Stage · Awareness'],
        previous: { s0: 'Stage · Awareness' },
        maxTagTitle: 120,
      }),
    ).toEqual({ s0: 'Café · Awareness' });
  });

  it('takes the first word of the title, letters and digits only', () => {
    expect(mapTagPrefix('  «Q3» launch', 10)).toBe('Q3');
    expect(mapTagPrefix('', 10)).toBe('Map');
    expect(mapTagPrefix('Onboarding', 4)).toBe('Onbo');
  });
});
