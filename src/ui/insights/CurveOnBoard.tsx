/**
 * Insights tab › emotions › "Curve on the board": what the board holds of the emotion curve, for
 * everyone; for those who may draw it, the buttons (or "Add an Emotions lane" where the map has
 * none) and what the curve shows.
 */
import type { ComponentChildren } from 'preact';
import { curveStateText } from './emotion-text';
import { POINTS_ONLY } from './insights-messages';
import type { CurveState } from './insights-tab-model';

/** The curve on the board: its state for everyone, the buttons for facilitators. */
export function CurveOnBoard({
  curve,
  emotionsLane,
  stale,
  busy,
  onDraw,
  onRemove,
  onAddLane,
}: {
  curve: CurveState;
  /** The map has an Emotions lane, where the curve is drawn. */
  emotionsLane: boolean;
  /** The drawn curve no longer shows the ratings. */
  stale: boolean;
  busy: boolean;
  onDraw: () => void;
  onRemove: () => void;
  onAddLane: () => void;
}) {
  if (!emotionsLane && !curve.drawn)
    return (
      <CurveBox state="This map has no Emotions lane, where the curve is drawn.">
        {curve.canDraw && <AddEmotionsLane busy={busy} onAdd={onAddLane} />}
      </CurveBox>
    );
  return (
    <CurveBox state={curveStateText(curve, stale)}>
      {curve.canDraw && (
        <CurveButtons drawn={curve.drawn} busy={busy} onDraw={onDraw} onRemove={onRemove} />
      )}
      {curve.canDraw && (
        <p class="tp-help">
          Every persona’s as-is line (solid) and to-be line (dashed) in the map’s Emotions row.
          While this panel is open it keeps a drawn curve up to date.
          {!curve.lines && POINTS_ONLY}
        </p>
      )}
    </CurveBox>
  );
}

/** The "Curve on the board" section: its title, what the board holds now, then `children`. */
function CurveBox({ state, children }: { state: string; children: ComponentChildren }) {
  return (
    <div class="tp-insights__curve" aria-labelledby="tp-curve-title">
      <h3 class="tp-insights__subtitle" id="tp-curve-title">
        Curve on the board
      </h3>
      <p class="tp-help" role="status">
        {state}
      </p>
      {children}
    </div>
  );
}

/** For a map with no Emotions lane: the button that adds one, and where it goes. */
function AddEmotionsLane({ busy, onAdd }: { busy: boolean; onAdd: () => void }) {
  return (
    <>
      <button
        type="button"
        class="button button-secondary button-small"
        disabled={busy}
        onClick={onAdd}
      >
        Add an Emotions lane
      </button>
      <p class="tp-help">It goes at the bottom of the map; the frame grows by a row.</p>
    </>
  );
}

/** "Draw curve on board", or "Update curve" and "Remove curve" once it is drawn. */
function CurveButtons({
  drawn,
  busy,
  onDraw,
  onRemove,
}: {
  drawn: boolean;
  busy: boolean;
  onDraw: () => void;
  onRemove: () => void;
}) {
  return (
    <div class="tp-row">
      <button
        type="button"
        class="button button-primary button-small"
        disabled={busy}
        onClick={onDraw}
      >
        {drawn ? 'Update curve' : 'Draw curve on board'}
      </button>
      {drawn && (
        <button
          type="button"
          class="button button-secondary button-small"
          disabled={busy}
          onClick={onRemove}
        >
          Remove curve
        </button>
      )}
    </div>
  );
}
