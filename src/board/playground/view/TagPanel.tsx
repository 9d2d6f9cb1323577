import { useState } from 'preact/hooks';
import type { LocalTag } from '../sdk/local-board-types';
import { tagFill, textColorOn } from './palette';

export interface TagPanelProps {
  tags: readonly LocalTag[];
  /** How many of the selected notes carry each tag id. */
  counts: ReadonlyMap<string, number>;
  noteCount: number;
  onToggle(tagId: string): void;
  /** Creates a tag and puts it on the selected notes; returns an error message, or null. */
  onCreate(title: string): string | null;
}

/** The board's tags as toggles for the selected notes, and a field to create a new one. */
export function TagPanel({ tags, counts, noteCount, onToggle, onCreate }: TagPanelProps) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="bv-tag-panel">
      {tags.length === 0 ? (
        <p class="bv-muted">No tags on this board yet.</p>
      ) : (
        <ul class="bv-tag-list" aria-label="Tags">
          {tags.map((tag) => {
            const count = counts.get(tag.id) ?? 0;
            const pressed = count === 0 ? false : count === noteCount ? true : 'mixed';
            const fill = tagFill(tag.color);
            return (
              <li key={tag.id}>
                <button
                  type="button"
                  class="bv-tag-toggle"
                  data-testid="tag-toggle"
                  data-tag-id={tag.id}
                  aria-pressed={pressed}
                  style={
                    pressed === false ? undefined : { background: fill, color: textColorOn(fill) }
                  }
                  onClick={() => onToggle(tag.id)}
                >
                  <span class="bv-tag-dot" style={{ background: fill }} aria-hidden="true" />
                  {tag.title}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form
        class="bv-new-tag"
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = title.trim();
          if (trimmed === '') return;
          const problem = onCreate(trimmed);
          setError(problem);
          if (problem === null) setTitle('');
        }}
      >
        <input
          class="bv-input"
          type="text"
          aria-label="New tag title"
          data-testid="new-tag-input"
          placeholder="New tag"
          maxLength={120}
          value={title}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        <button type="submit" class="bv-btn" data-testid="new-tag-add" aria-label="Create tag">
          Add
        </button>
      </form>
      {error !== null && (
        <p class="bv-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
