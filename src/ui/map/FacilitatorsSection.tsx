/**
 * Map › Facilitators (issue 9 §6): who may create and change maps, import, start rounds and apply
 * groups. Facilitators name others from the people on the board; participants see who to ask.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BoardSession } from '../../app/workshop';
import { controlValue } from '../components/Field';
import { Notice } from '../components/Notice';

export interface Person {
  id: string;
  name: string;
}

export interface FacilitatorsView {
  people: Person[];
}

export type RoleChange = { ok: true } | { ok: false; reason: string };

/** What the section needs (entries wire it to app/roles); injected so tests can use fakes. */
export interface FacilitatorUseCases {
  watchFacilitators(workshop: BoardSession, fn: (view: FacilitatorsView) => void): () => void;
  onlineUsers(workshop: BoardSession): Promise<Person[]>;
  addFacilitator(workshop: BoardSession, person: Person): Promise<RoleChange>;
  removeFacilitator(workshop: BoardSession, id: string): Promise<RoleChange>;
}

export function FacilitatorsSection({
  workshop,
  useCases,
}: {
  workshop: BoardSession;
  useCases: FacilitatorUseCases;
}) {
  const [view, setView] = useState<FacilitatorsView | null>(null);
  const [online, setOnline] = useState<Person[]>([]);
  const [pick, setPick] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => useCases.watchFacilitators(workshop, setView), [workshop, useCases]);
  useEffect(() => {
    void useCases.onlineUsers(workshop).then(setOnline, () => setOnline([]));
  }, [workshop, useCases, view]);
  if (!view) return null;

  const me = workshop.user.id;
  const named = new Set(view.people.map((p) => p.id));
  const canManage = view.people.length === 0 || named.has(me);
  const candidates = online.filter((p) => !named.has(p.id));
  const run = async (work: Promise<RoleChange>) => {
    const result = await work;
    setProblem(result.ok ? null : result.reason);
  };

  return (
    <section class="tp-section" aria-labelledby="tp-facilitators-title">
      <h2 id="tp-facilitators-title" class="tp-section__title">
        Facilitators
      </h2>
      {view.people.length === 0 ? (
        <p class="tp-help">
          Nobody is named yet: whoever first creates a map, imports, starts a round or applies
          groups becomes this workshop’s facilitator.
        </p>
      ) : (
        <ul class="tp-people" aria-label="Facilitators of this workshop">
          {view.people.map((p) => (
            <li key={p.id}>
              <span>
                {p.name}
                {p.id === me ? ' (you)' : ''}
              </span>
              {canManage && view.people.length > 1 && (
                <button
                  type="button"
                  class="button button-tertiary button-small"
                  aria-label={`Remove ${p.name} from the facilitators`}
                  onClick={() => void run(useCases.removeFacilitator(workshop, p.id))}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        candidates.length > 0 && (
          <div class="tp-inline-form">
            <label for="tp-add-facilitator" class="tp-sr-only">
              Person to name as facilitator
            </label>
            <select
              id="tp-add-facilitator"
              class="select"
              value={pick}
              onChange={(e) => setPick(controlValue(e))}
            >
              <option value="">Name a facilitator…</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="button button-secondary button-small"
              disabled={pick === ''}
              onClick={() => {
                const person = candidates.find((p) => p.id === pick);
                setPick('');
                if (person) void run(useCases.addFacilitator(workshop, person));
              }}
            >
              Add
            </button>
          </div>
        )
      ) : (
        <p class="tp-help">
          You take part as a participant: add and tag notes and vote. Maps, rounds and groups are
          changed by the facilitators.
        </p>
      )}
      <p class="tp-help tp-muted">
        Kept in the board’s shared app data, which every participant’s panel can write: this keeps
        people from changing the map by mistake; it is not access control.
      </p>
      {problem && <Notice tone="error">{problem}</Notice>}
    </section>
  );
}
