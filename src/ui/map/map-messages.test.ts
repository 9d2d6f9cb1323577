import { describe, expect, it } from 'vitest';
import { jobMessage, mapJobOutcome, removalOutcome } from './map-messages';

describe('the Map tab’s job messages', () => {
  it('says a failed write changed the board only when it did', () => {
    expect(
      mapJobOutcome(
        { status: 'failed', message: 'Saving the map failed.', changed: true },
        'Done.',
      ),
    ).toEqual({
      status: 'partial',
      title: 'Part of the map was written',
      message: 'Saving the map failed. Press “Update on board” to finish it.',
    });
    expect(
      mapJobOutcome(
        { status: 'failed', message: 'Saving the map failed.', changed: false },
        'Done.',
      ),
    ).toEqual({
      status: 'refused',
      problems: [{ field: 'map', message: 'Saving the map failed.' }],
    });
  });

  it('asks about removed stages and lanes that hold notes, by id and name', () => {
    expect(
      mapJobOutcome(
        {
          status: 'needs-confirmation',
          items: [
            { kind: 'stage', stageId: 's1', name: 'Purchase', notes: 3 },
            { kind: 'lane', laneId: 'l2', name: 'Emotions', notes: 1 },
          ],
        },
        'Done.',
      ),
    ).toEqual({
      status: 'needs-confirmation',
      items: [
        { id: 's1', kind: 'stage', name: 'Purchase', notes: 3 },
        { id: 'l2', kind: 'lane', name: 'Emotions', notes: 1 },
      ],
    });
  });

  it('says why a removed map’s frame stays, and how to finish a stopped removal', () => {
    expect(removalOutcome({ status: 'done', keptFrame: { id: 'f', items: 1 } })).toEqual({
      status: 'done',
      message: 'Map removed. Its frame stays because it holds 1 other item.',
    });
    expect(removalOutcome({ status: 'done', keptFrame: null })).toEqual({
      status: 'done',
      message: 'Map removed from the board.',
    });
    expect(removalOutcome({ status: 'incomplete', cancelled: true, messages: [] })).toEqual({
      status: 'cancelled',
      message: 'Stopped. Press “Remove map” again to finish.',
    });
  });

  it('says a map removed in part is finished by removing it again, not by updating it', () => {
    const said = jobMessage(
      removalOutcome({
        status: 'incomplete',
        cancelled: false,
        messages: [
          'Rate limited.',
          '3 of 5 items were removed; 2 remain. “Remove map” again finishes.',
        ],
      }),
    );
    expect(said).toEqual({
      tone: 'warning',
      title: 'Part of the map was removed',
      body: 'Rate limited. 3 of 5 items were removed; 2 remain. “Remove map” again finishes.',
      focus: true,
    });
    const written = jobMessage(
      mapJobOutcome(
        { status: 'incomplete', cancelled: false, messages: ['Rate limited.'] } as never,
        'Done.',
      ),
    );
    expect(written).toMatchObject({
      title: 'Part of the map was written',
      body: 'Rate limited. Press “Update on board” to finish it.',
    });
    expect(jobMessage({ status: 'needs-confirmation', items: [] })).toBeNull();
  });
});
