import { describe, expect, it } from 'vitest';
import { layoutMap } from '../journey/layout';
import { createSpecFromPreset, findPreset } from '../journey/presets';
import type { KpiDefinition } from './kpi';
import {
  JOURNEY_CARD_KEY,
  KPI_CARD,
  kpiCardKey,
  kpiLine,
  layoutKpiCards,
  withUnit,
} from './kpi-cards';

let n = 0;
const spec = createSpecFromPreset(findPreset('classic')!, () => `s${n++}`);
const { geometry } = layoutMap(spec, { x: 1000, y: 2000 });
const kpi = (over: Partial<KpiDefinition>): KpiDefinition => ({
  id: 'k',
  name: 'NPS',
  unit: '',
  baseline: 10,
  target: 40,
  direction: 'higher',
  stageId: null,
  ...over,
});

describe('KPI cards', () => {
  it('writes a unit the way people do', () => {
    expect(withUnit(42.456, '%')).toBe('42.46%');
    expect(withUnit(3, 'days')).toBe('3 days');
    expect(withUnit(-1, '')).toBe('-1');
  });

  it('says the latest value, the target and the status, lower-is-better included', () => {
    const time = kpi({
      id: 't',
      name: 'Time to  open',
      unit: 'days',
      baseline: 10,
      target: 3,
      direction: 'lower',
    });
    const readings = [
      { kpiId: 't', value: 8, date: '2026-11-02', source: '' },
      { kpiId: 't', value: 12, date: '2026-12-01', source: '' },
    ];
    expect(kpiLine(time, readings)).toBe('Time to open: 12 days (target 3 days) · off track');
    expect(kpiLine(time, readings.slice(0, 1))).toBe(
      'Time to open: 8 days (target 3 days) · on track',
    );
    expect(kpiLine(time, [])).toBe('Time to open: — (target 3 days) · no reading yet');
  });

  it('puts one card per stage with KPIs above its column, clear of the frame, and a journey card at the left', () => {
    const stage2 = spec.stages[2]!.id;
    const cards = layoutKpiCards(
      spec.stages,
      geometry,
      [
        kpi({ id: 'a', stageId: stage2 }),
        kpi({ id: 'b', stageId: stage2, name: 'CSAT' }),
        kpi({ id: 'c' }),
      ],
      [],
    );
    expect(cards.map((c) => c.key)).toEqual([JOURNEY_CARD_KEY, kpiCardKey(stage2)]);
    const [journey, stage] = cards;
    expect(stage!.rect.x).toBe(geometry.columns[2]!.x);
    expect(stage!.rect.w).toBe(geometry.columns[2]!.w);
    expect(stage!.rect.y + stage!.rect.h).toBe(geometry.frame.y - KPI_CARD.gap);
    expect(stage!.text.split('\n')).toEqual([
      `KPIs · ${spec.stages[2]!.name}`,
      'NPS: — (target 40) · no reading yet',
      'CSAT: — (target 40) · no reading yet',
    ]);
    expect(journey!.rect.x).toBeLessThan(geometry.columns[0]!.x);
    // A stage with no KPIs has no card.
    expect(cards.some((c) => c.stageId === spec.stages[0]!.id)).toBe(false);
  });

  it('follows a frame moved by hand, and grows with long lines', () => {
    const stage0 = spec.stages[0]!.id;
    const moved = { ...geometry.frame, x: geometry.frame.x + 500, y: geometry.frame.y - 300 };
    const [card] = layoutKpiCards(spec.stages, geometry, [kpi({ stageId: stage0 })], [], moved);
    expect(card!.rect.x).toBe(geometry.columns[0]!.x + 500);
    expect(card!.rect.y + card!.rect.h).toBe(moved.y - KPI_CARD.gap);
    const [long] = layoutKpiCards(
      spec.stages,
      geometry,
      [kpi({ stageId: stage0, name: 'N'.repeat(80) })],
      [],
    );
    expect(long!.rect.h).toBeGreaterThan(card!.rect.h);
  });
});
