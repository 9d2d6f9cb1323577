/**
 * Insights tab › emotions › one row per stage: the team's mood (face, mean, spread, how many) and
 * this participant's own rating, one face button per point of the scale.
 */
import { EMOTION_SCALE, type StageEmotion } from '../../domain/insights/emotion';
import { Face } from './Face';
import { signed, teamMoodFigures, teamMoodLabel } from './emotion-text';
import type { InsightsMap } from './insights-tab-model';

type Stage = InsightsMap['stages'][number];

/** The map's stages in order, each with the team's mood and this participant's rating. */
export function StageRatings({
  stages,
  emotions,
  mine,
  busy,
  onRate,
}: {
  stages: Stage[];
  /** The team's mood per stage, in the same order. */
  emotions: StageEmotion[];
  /** This participant's own rating per stage id. */
  mine: ReadonlyMap<string, number>;
  busy: boolean;
  onRate: (stageId: string, value: number | null) => void;
}) {
  return (
    <ol class="tp-insights__stages">
      {stages.map((stage, i) => (
        <li key={stage.id} class="tp-insights__stage">
          <div class="tp-insights__stage-head">
            <span class="tp-ellipsis" title={stage.name}>
              {stage.name}
            </span>
            <TeamMood stat={emotions[i]} />
          </div>
          <RatingFaces
            stageName={stage.name}
            mine={mine.get(stage.id)}
            busy={busy}
            onRate={(value) => onRate(stage.id, value)}
          />
        </li>
      ))}
    </ol>
  );
}

/** The team's mood for a stage: its face and figures, or that nobody rated it. */
function TeamMood({ stat }: { stat: StageEmotion | undefined }) {
  return (
    <span class="tp-muted" aria-label={teamMoodLabel(stat)}>
      {stat && stat.mean !== null ? (
        <>
          <Face value={stat.mean} size={14} /> {teamMoodFigures(stat.mean, stat)}
        </>
      ) : (
        'no ratings'
      )}
    </span>
  );
}

/** This participant's rating for a stage: pressing the chosen face again takes it back. */
function RatingFaces({
  stageName,
  mine,
  busy,
  onRate,
}: {
  stageName: string;
  mine: number | undefined;
  busy: boolean;
  onRate: (value: number | null) => void;
}) {
  return (
    <div class="tp-insights__faces" role="group" aria-label={`Your rating for ${stageName}`}>
      {EMOTION_SCALE.map((entry) => (
        <button
          key={entry.value}
          type="button"
          class="tp-face"
          aria-pressed={mine === entry.value}
          title={`${entry.label} (${signed(entry.value)})`}
          aria-label={`${entry.label} (${entry.value})`}
          disabled={busy}
          onClick={() => onRate(mine === entry.value ? null : entry.value)}
        >
          <Face value={entry.value} />
          <span class="tp-face__n" aria-hidden="true">
            {signed(entry.value)}
          </span>
        </button>
      ))}
    </div>
  );
}
