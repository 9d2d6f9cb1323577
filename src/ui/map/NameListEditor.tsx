import { controlValue } from '../components/Field';

interface NamedItem {
  id: string;
  name: string;
}

interface NameListEditorProps {
  title: string;
  /** Singular, lower case: 'stage', 'lane'. */
  noun: string;
  items: readonly NamedItem[];
  max: number;
  /** Problems by item id, shown under the row. */
  problems: Record<string, string | undefined>;
  onRename: (id: string, name: string) => void;
  onMove: (id: string, toIndex: number) => void;
  onRemove: (id: string) => void;
  onAdd: () => void;
}

/** Add, rename, reorder and remove stages or lanes; every control is a labelled button or input. */
export function NameListEditor(props: NameListEditorProps) {
  const { title, noun, items, max, problems } = props;
  const listId = `tp-list-${noun}`;
  return (
    <section class="tp-section" aria-labelledby={`${listId}-title`}>
      <h2 class="tp-section__title" id={`${listId}-title`}>
        <span>
          {title} <span class="tp-chip">{items.length}</span>
        </span>
        <button
          type="button"
          class="button button-tertiary button-small"
          onClick={props.onAdd}
          disabled={items.length >= max}
          title={items.length >= max ? `At most ${max} ${noun}s` : undefined}
        >
          + Add {noun}
        </button>
      </h2>
      <ol class="tp-list" id={listId}>
        {items.map((item, index) => {
          const problem = problems[item.id];
          const inputId = `${listId}-${item.id}`;
          return (
            <li key={item.id} class="tp-stack" style={{ gap: '2px' }}>
              <div class="tp-list__item">
                <label class="tp-sr-only" for={inputId}>
                  {`${capitalize(noun)} ${index + 1} name`}
                </label>
                <input
                  id={inputId}
                  class="input"
                  value={item.name}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${inputId}-problem` : undefined}
                  onInput={(e) => props.onRename(item.id, controlValue(e))}
                />
                <button
                  type="button"
                  class="tp-icon-button"
                  aria-label={`Move ${noun} ${item.name || index + 1} up`}
                  disabled={index === 0}
                  onClick={() => props.onMove(item.id, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="tp-icon-button"
                  aria-label={`Move ${noun} ${item.name || index + 1} down`}
                  disabled={index === items.length - 1}
                  onClick={() => props.onMove(item.id, index + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  class="tp-icon-button"
                  aria-label={`Remove ${noun} ${item.name || index + 1}`}
                  onClick={() => props.onRemove(item.id)}
                >
                  ✕
                </button>
              </div>
              {problem && (
                <p class="tp-field-error" id={`${inputId}-problem`}>
                  {problem}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
