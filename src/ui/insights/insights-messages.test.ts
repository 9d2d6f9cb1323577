import { describe, expect, it } from 'vitest';
import type { CurveSummary } from '../../app/insights/draw-curve';
import {
  afterLaneAdded,
  cardsFollowed,
  curveOutcome,
  curveRemoved,
  drawn,
  laneAddedOutcome,
  notDone,
  outcomeMessage,
} from './insights-messages';

const summary = (over: Partial<CurveSummary> = {}): CurveSummary => ({
  points: 3,
  lines: 2,
  added: 0,
  moved: 0,
  removed: 0,
  unchanged: 3,
  linesDrawn: 0,
  linesSkipped: false,
  ...over,
});

describe('insights messages', () => {
  it('says what a first draw made, and that a second one changed nothing', () => {
    expect(curveOutcome({ status: 'done', summary: summary() }, true)).toEqual({
      ok: true,
      message: 'Curve drawn on the board: 3 points and 2 lines.',
    });
    expect(curveOutcome({ status: 'done', summary: summary() }, false).message).toBe(
      'The curve on the board is up to date (3 points and 2 lines); nothing changed.',
    );
  });

  it('names each change of an update, and says points only where lines are not drawn', () => {
    const moved = summary({ moved: 1, removed: 1, unchanged: 1, linesSkipped: true });
    const said = curveOutcome({ status: 'done', summary: moved }, false);
    expect(said.message).toMatch(/^Curve updated: 1 point moved, 1 removed; 1 unchanged\./);
    expect(said.message).toContain('points only');
  });

  it('tells a half-drawn curve apart from a drawn one', () => {
    const said = curveOutcome(
      { status: 'incomplete', cancelled: false, messages: ['Rate limited.'] } as never,
      false,
    );
    expect(said).toEqual({
      ok: false,
      title: 'Curve drawn in part',
      message: 'Only part of the curve was drawn; “Update curve” finishes it. Rate limited.',
    });
  });

  it('counts what a board drawing made, and says when nothing changed', () => {
    const done = (created: number, updated: number, removed: number) =>
      drawn({ status: 'done', created, updated, removed } as never, 'KPI cards');
    expect(done(2, 0, 1).message).toBe('KPI cards on the board: 2 made, 1 removed.');
    expect(done(0, 0, 0).message).toBe('KPI cards on the board: already current, nothing changed.');
    expect(cardsFollowed({ ok: false, message: 'Refused.' })).toEqual({
      ok: true,
      warning: true,
      message: 'Saved, but the KPI cards on the board were not updated: Refused.',
    });
  });

  it('titles a board drawing that failed with what did not happen', () => {
    const partial = { status: 'incomplete', messages: ['Rate limited.', 'Lost.'] } as never;
    const refused = { status: 'refused', message: 'No map.' } as never;
    expect(drawn(partial, 'KPI cards')).toEqual({
      ok: false,
      title: 'KPI cards drawn in part',
      message: 'Rate limited. Lost.',
    });
    expect(drawn(refused, 'RACI frame', 'removed')).toEqual({
      ok: false,
      title: 'RACI frame not removed',
      message: 'No map.',
    });
    expect(curveOutcome({ status: 'failed', message: 'Gone.' } as never, true)).toMatchObject({
      title: 'Curve not drawn',
    });
    expect(curveRemoved({ status: 'incomplete', messages: ['Lost.'] })).toMatchObject({
      title: 'Curve removed in part',
    });
    expect(laneAddedOutcome('kpis', { status: 'failed', message: 'Gone.' } as never)).toEqual({
      ok: false,
      title: 'KPI row not added',
      message: 'Gone.',
    });
    // The tab's notice: the outcome's title, else a refused save.
    expect(notDone({ title: 'Curve not drawn', message: 'Gone.' })).toMatchObject({
      title: 'Curve not drawn',
      body: 'Gone.',
    });
    expect(notDone({ message: 'A KPI needs a name.' }).title).toBe('Not saved');
  });

  it('says a lane added only in part is finished from the Map tab', () => {
    expect(laneAddedOutcome('emotions', 'already')).toMatchObject({ ok: true, changed: false });
    const partial = laneAddedOutcome('emotions', {
      status: 'incomplete',
      cancelled: false,
      messages: ['Lost.'],
    } as never);
    expect(partial).toEqual({
      ok: false,
      title: 'Emotions lane added in part',
      message:
        'The lane was added only in part; “Update on board” in the Map tab finishes it. Lost.',
    });
  });

  it('says when the drawings below a new KPI row did not all follow', () => {
    const added = laneAddedOutcome('kpis', { status: 'done' } as never);
    expect(afterLaneAdded(added, [{ ok: true, changed: true, message: 'moved' }]).message).toBe(
      'A KPI row was added under the stage headers; the KPI cards go in it. What was drawn below it moved along.',
    );
    expect(afterLaneAdded(added, [{ ok: false, message: 'Rate limited.' }])).toEqual({
      ok: false,
      title: 'Drawings not moved',
      message:
        'A KPI row was added under the stage headers; the KPI cards go in it. The drawings below it did not all follow: Rate limited. Draw them again.',
    });
  });

  it('says a change: its failure, its warning, its own message, else the success given, else nothing', () => {
    expect(outcomeMessage({ ok: false, message: 'No map.' }, 'Saved.')).toEqual({
      tone: 'error',
      title: 'Not saved',
      body: 'No map.',
    });
    expect(outcomeMessage({ ok: true, warning: true, message: 'Cards behind.' }, 'Saved.')).toEqual(
      { tone: 'warning', title: 'Cards behind.' },
    );
    expect(outcomeMessage({ ok: true, warning: true }, 'Saved.')).toEqual({
      tone: 'success',
      title: 'Saved.',
    });
    expect(outcomeMessage({ ok: true, message: 'Curve drawn.' }, 'Saved.')).toEqual({
      tone: 'success',
      title: 'Curve drawn.',
    });
    expect(outcomeMessage({ ok: true }, 'Saved.')).toEqual({ tone: 'success', title: 'Saved.' });
    expect(outcomeMessage({ ok: true })).toBeNull();
    expect(outcomeMessage({ ok: true, message: '' }, 'Saved.')).toBeNull();
  });
});
