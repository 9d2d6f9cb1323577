import { countOf } from '../../domain/common';
import { useState } from 'preact/hooks';
import type { PreviewGroup } from '../../domain/clustering/grouping-preview';
import { controlValue } from '../components/Field';

interface GroupCardProps {
  group: PreviewGroup;
  /** Every group of the preview, for the move and merge pickers. */
  groups: readonly PreviewGroup[];
  texts: ReadonlyMap<string, string>;
  pinnedNotes: Readonly<Record<string, string>>;
  busy: boolean;
  onRename: (label: string) => void;
  onMerge: (fromId: string) => void;
  onSplit: () => void;
  onDissolve: () => void;
  onPin: () => void;
  onUnpin: () => void;
  onMoveNote: (noteId: string, groupId: string) => void;
}

const notes = (n: number) => countOf(n, 'note');

/** One group of the preview: its name (editable), size, keywords and notes, with its edits. */
export function GroupCard(props: GroupCardProps) {
  const { group, groups, texts, busy } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const others = groups.filter((g) => g.id !== group.id);
  const nameId = `tp-group-name-${group.id}`;
  const commit = () => {
    if (draft !== null && draft.trim() !== '' && draft !== group.label) props.onRename(draft);
    setDraft(null);
  };
  return (
    <li
      class={`tp-group-card${group.unsorted ? ' tp-group-card--unsorted' : ''}`}
      aria-label={`Group ${group.label}`}
    >
      <div class="tp-group-card__head">
        {group.unsorted ? (
          <h3 class="tp-group-card__title">{group.label}</h3>
        ) : (
          <>
            <label class="tp-sr-only" for={nameId}>
              Name of group {group.label}
            </label>
            <input
              id={nameId}
              class="input tp-group-card__name"
              value={draft ?? group.label}
              disabled={busy}
              onInput={(e) => setDraft(controlValue(e))}
              onBlur={commit}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commit();
                if (e.key === 'Escape') setDraft(null);
              }}
            />
          </>
        )}
        <span class="tp-muted tp-group-card__size">
          {notes(group.noteIds.length)}
          {group.pinned && ' · pinned'}
        </span>
      </div>
      {group.keywords.length > 0 && (
        <p class="tp-help tp-group-card__keywords">{group.keywords.join(', ')}</p>
      )}
      <ul class="tp-group-card__notes">
        {group.noteIds.map((id) => {
          const text = texts.get(id) ?? '';
          return (
            <li key={id} class="tp-group-card__note">
              <span class="tp-group-card__text" title={text}>
                {props.pinnedNotes[id] !== undefined && (
                  <span class="tp-group-card__pin" aria-label="pinned" role="img">
                    📌{' '}
                  </span>
                )}
                {text || '(empty note)'}
              </span>
              <select
                class="select tp-group-card__move"
                aria-label={`Move “${text.slice(0, 40)}” to`}
                value={group.id}
                disabled={busy}
                onChange={(e) => props.onMoveNote(id, controlValue(e))}
              >
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.label}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      <div class="tp-actions tp-group-card__actions">
        {others.length > 0 && (
          <select
            class="select"
            aria-label={`Merge a group into ${group.label}`}
            value=""
            disabled={busy}
            onChange={(e) => {
              const from = controlValue(e);
              if (from) props.onMerge(from);
            }}
          >
            <option value="">Merge in…</option>
            {others.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        )}
        {!group.unsorted && (
          <>
            <button
              type="button"
              class="button button-secondary button-small"
              disabled={busy || group.noteIds.length < 2}
              aria-label={`Split ${group.label}`}
              onClick={props.onSplit}
            >
              Split
            </button>
            <button
              type="button"
              class="button button-secondary button-small"
              disabled={busy}
              aria-label={`Dissolve ${group.label}`}
              onClick={props.onDissolve}
            >
              Dissolve
            </button>
            <button
              type="button"
              class="button button-tertiary button-small"
              disabled={busy}
              aria-pressed={group.pinned}
              aria-label={`${group.pinned ? 'Unpin' : 'Pin'} ${group.label}`}
              title={
                group.pinned
                  ? 'Pinned: these notes stay where they are'
                  : 'Keep these notes where they are, as the team grouped them'
              }
              onClick={group.pinned ? props.onUnpin : props.onPin}
            >
              {group.pinned ? 'Unpin' : 'Pin'}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
