/**
 * Wires the panel's tabs to the use cases in app/. The UI declares what it needs (e.g.
 * `MapUseCases`); this file is the one place that knows both sides.
 */
import type { MapProgress } from '../app/map/map-progress';
import { loadMaps, watchMaps, type LoadedMaps } from '../app/map/map-store';
import {
  addFacilitator,
  guard,
  removeFacilitator,
  watchFacilitators,
} from '../app/roles/facilitators';
import type { BoardSession } from '../app/workshop';
import { FRAME_KEY } from '../domain/journey/layout';
import type { FacilitatorAction } from '../domain/roles/facilitators';
import type { PanelServices } from '../ui/Panel';
import { MAP_DONE, mapJobOutcome, removalOutcome, UNNAMED_PERSON } from '../ui/map/map-messages';
import type { JobHooks } from '../ui/components/board-job';
import type { JobOutcome, MapOnBoard, MapUseCases } from '../ui/map/map-tab-model';

const progressOf = (hooks: JobHooks) => ({
  signal: hooks.signal,
  onProgress: (p: MapProgress) => hooks.onProgress(p.done, p.total),
});

/** A participant's try at a facilitator's action, as the Map tab shows refusals. */
async function refusedFor(
  workshop: BoardSession,
  action: FacilitatorAction,
): Promise<JobOutcome | null> {
  const allowed = await guard(workshop.board, workshop.user, action);
  return allowed.ok
    ? null
    : { status: 'refused', problems: [{ field: 'map', message: allowed.reason }] };
}

const onBoard = ({ maps }: LoadedMaps): MapOnBoard[] =>
  maps.map((record) => ({ spec: record.spec, incomplete: record.incomplete }));

export const mapUseCases: MapUseCases = {
  async loadMaps(workshop) {
    return onBoard(await loadMaps(workshop.board));
  },
  watchMaps: (workshop, fn, onError) =>
    watchMaps(workshop.board, (loaded) => fn(onBoard(loaded)), onError),
  async listTagTitles(workshop) {
    return (await workshop.board.listTags()).map((t) => t.title);
  },
  // Writing a map loads its code on first use: the panel opens reading, not writing.
  async createMap(workshop, spec, hooks) {
    const refused = await refusedFor(workshop, 'create-map');
    if (refused) return refused;
    const { createMap } = await import('../app/map/create-map');
    return mapJobOutcome(
      await createMap(workshop.board, spec, progressOf(hooks)),
      MAP_DONE.created,
    );
  },
  async updateMap(workshop, spec, hooks) {
    const refused = await refusedFor(workshop, 'update-map');
    if (refused) return refused;
    const { updateMap } = await import('../app/map/update-map');
    const outcome = await updateMap(workshop.board, spec.id, spec, {
      ...progressOf(hooks),
      confirmRemove: hooks.confirmRemove,
    });
    return mapJobOutcome(outcome, MAP_DONE.updated);
  },
  async removeMap(workshop, mapId, hooks) {
    const refused = await refusedFor(workshop, 'remove-map');
    if (refused) return refused;
    const { removeMap } = await import('../app/map/remove-map');
    return removalOutcome(await removeMap(workshop.board, mapId, progressOf(hooks)));
  },
  watchFacilitators(workshop, fn) {
    return watchFacilitators(workshop.board, (list) =>
      fn({ people: list.ids.map((id) => ({ id, name: list.names[id] ?? UNNAMED_PERSON })) }),
    );
  },
  async onlineUsers(workshop) {
    const users = await workshop.board.onlineUsers();
    const me = workshop.user;
    return users.some((u) => u.id === me.id) ? users : [me, ...users];
  },
  addFacilitator: (workshop, person) => addFacilitator(workshop.board, workshop.user, person),
  removeFacilitator: (workshop, id) => removeFacilitator(workshop.board, workshop.user, id),
  async zoomToMap(workshop, mapId) {
    const { maps } = await loadMaps(workshop.board);
    const frameId = maps.find((m) => m.spec.id === mapId)?.itemIds[FRAME_KEY];
    if (frameId) await workshop.board.zoomTo([frameId]);
  },
};

/** The panel's services: one object for every page, so a re-render never hands tabs new ones. */
export const panelServices: PanelServices = {
  map: mapUseCases,
  // Each tab's use cases load with the tab (a separate chunk), so the panel opens on the Map tab
  // without downloading grouping, voting or the export and import code.
  stages: () => import('./services/stages').then((m) => m.stagesUseCases),
  group: () => import('./services/group').then((m) => m.groupUseCases),
  vote: () => import('./services/vote').then((m) => m.voteUseCases),
  insights: () => import('./services/insights').then((m) => m.insightsUseCases),
  export: () => import('./services/export').then((m) => m.exportUseCases),
};
