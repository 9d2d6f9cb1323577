import { countOf } from '../../domain/common';
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { formatMean } from '../../domain/insights/curve-layout';
import { CURVE_LINES, EMOTION_SCALE, faceOf } from '../../domain/insights/emotion';
import { MAX_PERSONAS, personaColor } from '../../domain/insights/personas';
import { Field, controlValue } from '../components/Field';
import { Face } from './Face';
import { POINTS_ONLY } from './insights-messages';
import type { InsightsTabModel } from './insights-tab-model';

const LINE_LABELS = { 'as-is': 'As is', 'to-be': 'To be' } as const;

/** Per stage: the participant's own face rating, and the team's mean and spread. */
export function EmotionSection({ model }: { model: InsightsTabModel }) {
  const map = model.map.value;
  const [newPersona, setNewPersona] = useState('');
  if (!map) return null;
  const busy = model.busy.value;
  const persona = model.persona.value;
  const personas = model.personas.value;
  const own = model.data.value?.personas ?? [];
  const mine = model.myRatings.value;
  const stats = model.emotions.value;

  return (
    <section class="tp-section" aria-labelledby="tp-emotion-title">
      <h2 class="tp-section__title" id="tp-emotion-title">
        How does the customer feel?
      </h2>
      <div class="tp-row">
        <Field id="tp-persona" label="Persona">
          <select
            class="select"
            value={persona.id}
            onChange={(e) => model.choosePersona(controlValue(e))}
          >
            {personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <fieldset class="tp-fieldset tp-insights__line">
          <legend class="tp-sr-only">Journey</legend>
          {CURVE_LINES.map((l) => (
            <label key={l} class="tp-radio">
              <input
                type="radio"
                name="tp-curve-line"
                checked={model.line.value === l}
                onChange={() => model.chooseLine(l)}
              />{' '}
              {LINE_LABELS[l]}
            </label>
          ))}
        </fieldset>
      </div>
      <ol class="tp-insights__stages">
        {map.stages.map((stage, i) => {
          const stat = stats[i];
          const my = mine.get(stage.id);
          return (
            <li key={stage.id} class="tp-insights__stage">
              <div class="tp-insights__stage-head">
                <span class="tp-ellipsis" title={stage.name}>
                  {stage.name}
                </span>
                <span
                  class="tp-muted"
                  aria-label={`Team: ${describe(stat?.mean ?? null, stat?.spread ?? null, stat?.count ?? 0)}`}
                >
                  {stat && stat.mean !== null ? (
                    <>
                      <Face value={stat.mean} size={14} />{' '}
                      {`${formatMean(stat.mean)} ± ${(stat.spread ?? 0).toFixed(1)} · ${stat.count}`}
                    </>
                  ) : (
                    'no ratings'
                  )}
                </span>
              </div>
              <div
                class="tp-insights__faces"
                role="group"
                aria-label={`Your rating for ${stage.name}`}
              >
                {EMOTION_SCALE.map((entry) => (
                  <button
                    key={entry.value}
                    type="button"
                    class="tp-face"
                    aria-pressed={my === entry.value}
                    title={`${entry.label} (${entry.value > 0 ? '+' : ''}${entry.value})`}
                    aria-label={`${entry.label} (${entry.value})`}
                    disabled={busy}
                    onClick={() =>
                      void model.rate(stage.id, my === entry.value ? null : entry.value)
                    }
                  >
                    <Face value={entry.value} />
                    <span class="tp-face__n" aria-hidden="true">
                      {entry.value > 0 ? `+${entry.value}` : entry.value}
                    </span>
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      <p class="tp-help">Your ratings show your name to the facilitator; they are not anonymous.</p>
      <CurveOnBoard model={model} />
      <details class="tp-insights__personas">
        <summary>
          Personas ({own.length} of {MAX_PERSONAS})
        </summary>
        <ul class="tp-list">
          {own.map((p, index) => (
            <li key={p.id} class="tp-list__item">
              <span
                class="tp-insights__swatch"
                style={{ background: personaColor(index) }}
                aria-hidden="true"
                title="Colour of this persona's line"
              />
              <span class="tp-ellipsis">{p.name}</span>
              <button
                type="button"
                class="tp-icon-button"
                aria-label={`Remove persona ${p.name}`}
                disabled={busy}
                onClick={() => void model.removePersona(p.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          class="tp-row"
          onSubmit={(e) => {
            e.preventDefault();
            void model.addPersona(newPersona).then((ok) => ok && setNewPersona(''));
          }}
        >
          <label class="tp-sr-only" for="tp-new-persona">
            New persona
          </label>
          <input
            id="tp-new-persona"
            class="input"
            value={newPersona}
            placeholder="e.g. Small-business owner"
            onInput={(e) => setNewPersona(controlValue(e))}
          />
          <button
            type="submit"
            class="button button-secondary button-small"
            disabled={busy || own.length >= MAX_PERSONAS}
          >
            Add
          </button>
        </form>
      </details>
    </section>
  );
}

/** The curve on the board: its state for everyone, the buttons for facilitators. */
function CurveOnBoard({ model }: { model: InsightsTabModel }) {
  const curve = model.curve.value;
  const map = model.map.value;
  if (!curve || !map) return null;
  const busy = model.busy.value;
  const stale = model.curveStale.value;
  if (!map.emotionsLane && !curve.drawn)
    return (
      <CurveBox state="This map has no Emotions lane, where the curve is drawn.">
        {curve.canDraw && (
          <button
            type="button"
            class="button button-secondary button-small"
            disabled={busy}
            onClick={() => void model.addEmotionsLane()}
          >
            Add an Emotions lane
          </button>
        )}
        {curve.canDraw && (
          <p class="tp-help">It goes at the bottom of the map; the frame grows by a row.</p>
        )}
      </CurveBox>
    );
  const state = !curve.drawn
    ? 'The curve is not on the board yet.'
    : stale
      ? curve.canDraw
        ? 'Ratings changed since the curve was drawn; this panel updates it in a moment.'
        : 'Ratings changed since the curve was drawn; a facilitator’s panel updates it.'
      : 'The curve on the board shows these ratings.';
  return (
    <CurveBox state={state}>
      {curve.canDraw && (
        <div class="tp-row">
          <button
            type="button"
            class="button button-primary button-small"
            disabled={busy}
            onClick={() => void model.drawCurve()}
          >
            {curve.drawn ? 'Update curve' : 'Draw curve on board'}
          </button>
          {curve.drawn && (
            <button
              type="button"
              class="button button-secondary button-small"
              disabled={busy}
              onClick={() => void model.removeCurve()}
            >
              Remove curve
            </button>
          )}
        </div>
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

function describe(mean: number | null, spread: number | null, count: number): string {
  if (mean === null) return 'no ratings';
  return `${faceOf(mean).label}, mean ${formatMean(mean)}, spread ${(spread ?? 0).toFixed(1)}, ${countOf(count, 'rating')}`;
}
