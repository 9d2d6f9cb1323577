/**
 * The shared collections' store on a mural: the "Touchpoint data" area and its entries (the
 * layout and text rules are `shared-state.ts`'s). Finds the area, reads every entry, writes one
 * key (last writer wins; extras a concurrent create left are deleted), and makes the area on the
 * first write. See CONTEXT.md, "Shared state".
 */
import { MuralApiError, unwrap, type MuralClient } from './client';
import {
  currentValues,
  indexState,
  NOTE_POSITION,
  slotPosition,
  stateAreaIds,
  stateAreaPosition,
  STATE_AREA_TITLE,
  STATE_NOTE,
  stateId,
  stateText,
  type StateEntry,
} from './shared-state';
import { parseWidget, TYPE_FILTER, type MuralWidget } from './widgets';

export interface DataAreaDeps {
  client: MuralClient;
  /** `/murals/{id}`. */
  base: string;
  /** Runs one request within the adapter's rate budget. */
  read: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Widgets of the mural (every page), filtered by `query`. */
  listWidgets: (query?: Record<string, string | undefined>) => Promise<MuralWidget[]>;
  /** The mural's own record (its size places the area). */
  mural: () => Promise<Record<string, unknown>>;
  /** A failure with no caller to throw to (the area's lock refused). */
  onError: (error: unknown) => void;
}

export interface DataArea {
  /** Every key's value now, by `stateId`: one request per area and 100 entries. */
  values(): Promise<Map<string, string>>;
  /** Sets (JSON text) or removes (`undefined`) one key. */
  write(collection: string, key: string, json: string | undefined): Promise<void>;
  /** The areas in a full widget list, remembered; their ids (oldest first). */
  seen(all: readonly MuralWidget[]): Set<string>;
}

export function createDataArea(deps: DataAreaDeps): DataArea {
  const { client, base, read, listWidgets } = deps;
  /**
   * The mural's data areas, oldest id first (two panels creating the first one at the same
   * moment make two; reads take both, writes go to the first). Null until looked up.
   */
  let areas: string[] | null = null;
  /** One creation at a time: writes of several keys at once share the new area. */
  let creating: Promise<string> | undefined;

  /** Looked up until found (another participant may make it any time), then remembered. */
  async function find(): Promise<string[]> {
    if (areas !== null && areas.length > 0) return areas;
    const found = stateAreaIds(await listWidgets({ type: TYPE_FILTER.areas }));
    if (found.length > 0 || areas === null) areas = found.length > 0 ? found : null;
    return found;
  }

  async function readAll(): Promise<{ state: Map<string, StateEntry[]>; count: number }> {
    const ids = await find();
    const children = (await Promise.all(ids.map((id) => listWidgets({ parentId: id })))).flat();
    return { state: indexState(children, new Set(ids)), count: children.length };
  }

  function create(): Promise<string> {
    creating ??= make().finally(() => {
      creating = undefined;
    });
    return creating;
  }

  /**
   * Makes the area: inside the mural's bounds, titled for what it is, with a note saying what
   * deleting it does, then locked by a PATCH (`locked` is an update-area field, not a create
   * one). If MURAL refuses the lock the area still works, unlocked.
   */
  async function make(): Promise<string> {
    const place = stateAreaPosition(await deps.mural());
    const area = parseWidget(
      unwrap(
        await read(() =>
          client.request('POST', `${base}/widgets/area`, {
            ...place,
            title: STATE_AREA_TITLE,
            style: { backgroundColor: '#F2F2F2FF' },
          }),
        ),
      ),
    );
    if (!area) throw new Error('MURAL answered the data area create without the area.');
    await read(() =>
      client.request('POST', `${base}/widgets/textbox`, [
        { ...NOTE_POSITION, text: STATE_NOTE, parentId: area.id },
      ]),
    );
    try {
      await read(() =>
        client.request('PATCH', `${base}/widgets/area/${encodeURIComponent(area.id)}`, {
          locked: true,
        }),
      );
    } catch (error) {
      deps.onError(error);
    }
    areas = [area.id];
    return area.id;
  }

  async function remove(id: string): Promise<void> {
    try {
      await read(() => client.request('DELETE', `${base}/widgets/${encodeURIComponent(id)}`));
    } catch (error) {
      if (!(error instanceof MuralApiError && error.status === 404)) throw error;
    }
  }

  async function write(collection: string, key: string, json: string | undefined): Promise<void> {
    const { state, count } = await readAll();
    const entries = state.get(stateId(collection, key)) ?? [];
    const [keep, ...extra] = entries.reverse();
    for (const entry of extra) await remove(entry.widgetId);
    if (json === undefined) {
      if (keep) await remove(keep.widgetId);
      return;
    }
    const text = stateText(collection, key, json);
    if (keep) {
      await read(() =>
        client.request('PATCH', `${base}/widgets/textbox/${encodeURIComponent(keep.widgetId)}`, {
          text,
        }),
      );
      return;
    }
    const createEntry = (areaId: string) =>
      read(() =>
        client.request('POST', `${base}/widgets/textbox`, [
          { ...slotPosition(Math.max(0, count - 1)), text, parentId: areaId },
        ]),
      );
    const areaId = areas?.[0] ?? (creating ? await creating : await create());
    try {
      await createEntry(areaId);
    } catch (error) {
      // The area was deleted since it was looked up: make a new one.
      if (!(error instanceof MuralApiError && (error.status === 400 || error.status === 404))) {
        throw error;
      }
      areas = null;
      await createEntry((await find())[0] ?? (await create()));
    }
  }

  return {
    values: async () => currentValues((await readAll()).state),
    write,
    seen(all) {
      const ids = stateAreaIds(all);
      areas = ids;
      return new Set(ids);
    },
  };
}
