import { CURVE_LINES, type CurveLine } from '../../domain/insights/emotion';
import type { CurvePersona } from '../../domain/insights/personas';
import { Field, controlValue } from '../components/Field';
import { CurveOnBoard } from './CurveOnBoard';
import { PersonaList } from './PersonaList';
import { StageRatings } from './StageRatings';
import type { InsightsTabModel } from './insights-tab-model';

const LINE_LABELS = { 'as-is': 'As is', 'to-be': 'To be' } as const;

/**
 * Per stage: the participant's own face rating, and the team's mean and spread, for the persona
 * and line chosen; then the curve on the board and the map's personas. It reads the tab's model
 * and gives each part what it shows.
 */
export function EmotionSection({ model }: { model: InsightsTabModel }) {
  const map = model.map.value;
  if (!map) return null;
  const busy = model.busy.value;
  const curve = model.curve.value;
  return (
    <section class="tp-section" aria-labelledby="tp-emotion-title">
      <h2 class="tp-section__title" id="tp-emotion-title">
        How does the customer feel?
      </h2>
      <div class="tp-row">
        <PersonaPicker
          personas={model.personas.value}
          chosen={model.persona.value.id}
          onChoose={model.choosePersona}
        />
        <LinePicker line={model.line.value} onChoose={model.chooseLine} />
      </div>
      <StageRatings
        stages={map.stages}
        emotions={model.emotions.value}
        mine={model.myRatings.value}
        busy={busy}
        onRate={(stageId, value) => void model.rate(stageId, value)}
      />
      <p class="tp-help">Your ratings show your name to the facilitator; they are not anonymous.</p>
      {curve && (
        <CurveOnBoard
          curve={curve}
          emotionsLane={map.emotionsLane}
          stale={model.curveStale.value}
          busy={busy}
          onDraw={() => void model.drawCurve()}
          onRemove={() => void model.removeCurve()}
          onAddLane={() => void model.addEmotionsLane()}
        />
      )}
      <PersonaList
        personas={model.data.value?.personas ?? []}
        busy={busy}
        onRemove={(id) => void model.removePersona(id)}
        onAdd={model.addPersona}
      />
    </section>
  );
}

/** Whose journey is rated: the map's personas, or the default one. */
function PersonaPicker({
  personas,
  chosen,
  onChoose,
}: {
  personas: CurvePersona[];
  chosen: string;
  onChoose: (id: string) => void;
}) {
  return (
    <Field id="tp-persona" label="Persona">
      <select class="select" value={chosen} onChange={(e) => onChoose(controlValue(e))}>
        {personas.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Which journey is rated: as it is, or as it is to be. */
function LinePicker({ line, onChoose }: { line: CurveLine; onChoose: (line: CurveLine) => void }) {
  return (
    <fieldset class="tp-fieldset tp-insights__line">
      <legend class="tp-sr-only">Journey</legend>
      {CURVE_LINES.map((l) => (
        <label key={l} class="tp-radio">
          <input
            type="radio"
            name="tp-curve-line"
            checked={line === l}
            onChange={() => onChoose(l)}
          />{' '}
          {LINE_LABELS[l]}
        </label>
      ))}
    </fieldset>
  );
}
