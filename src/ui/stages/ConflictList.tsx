import type { ConflictChoice, StagesConflict } from './stages-tab-model';

interface ConflictListProps {
  conflicts: StagesConflict[];
  busy: boolean;
  onFix: (noteId: string, choice: ConflictChoice) => void;
  onSelect: () => void;
}

const names = (stages: { name: string }[]) => stages.map((s) => s.name).join(' and ');

/** Notes whose stage is unclear, each with one-click fixes. Note text is rendered as text. */
export function ConflictList({ conflicts, busy, onFix, onSelect }: ConflictListProps) {
  return (
    <section class="tp-section" aria-labelledby="tp-conflicts-title">
      <h2 class="tp-section__title" id="tp-conflicts-title">
        <span>Conflicts</span>
        <span class="tp-stages__total">{conflicts.length}</span>
      </h2>
      {conflicts.length === 0 ? (
        <p class="tp-help">No conflicts: every tagged note sits in its stage.</p>
      ) : (
        <>
          <button
            type="button"
            class="button button-tertiary button-small"
            disabled={busy}
            onClick={onSelect}
          >
            Select these on the board
          </button>
          <ul class="tp-list tp-conflicts">
            {conflicts.map((c) => {
              // Notes can hold thousands of characters: names of buttons stay short.
              const text = c.text.trim();
              const label =
                text === ''
                  ? 'Empty note'
                  : `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
              const position = c.positionStage;
              const tag = c.tagStages[0];
              return (
                <li key={c.noteId} class="tp-conflict">
                  <p class="tp-conflict__text" title={c.text}>
                    {text === '' ? 'Empty note' : `“${text}”`}
                  </p>
                  <p class="tp-muted">
                    {c.kind === 'multiple-stage-tags'
                      ? `Tagged ${names(c.tagStages)}${position ? `; sits in ${position.name}` : ''}.`
                      : `Tagged ${names(c.tagStages)}, sits in ${position?.name ?? 'no cell'}.`}
                  </p>
                  <div class="tp-conflict__actions">
                    {c.kind === 'tag-disagrees-with-position' && tag ? (
                      <button
                        type="button"
                        class="button button-secondary button-small"
                        disabled={busy}
                        aria-label={`Use the tag ${tag.name} for ${label}`}
                        onClick={() => onFix(c.noteId, { use: 'tag', stageId: tag.id })}
                      >
                        Use the tag
                      </button>
                    ) : (
                      c.tagStages.map((s) => (
                        <button
                          key={s.id}
                          type="button"
                          class="button button-secondary button-small"
                          disabled={busy}
                          aria-label={`Keep ${s.name} for ${label}`}
                          onClick={() => onFix(c.noteId, { use: 'tag', stageId: s.id })}
                        >
                          Keep {s.name}
                        </button>
                      ))
                    )}
                    {position &&
                      !(
                        c.kind === 'multiple-stage-tags' &&
                        c.tagStages.some((s) => s.id === position.id)
                      ) && (
                        <button
                          type="button"
                          class="button button-secondary button-small"
                          disabled={busy}
                          aria-label={`Use the position ${position.name} for ${label}`}
                          onClick={() => onFix(c.noteId, { use: 'position' })}
                        >
                          Use the position
                        </button>
                      )}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
