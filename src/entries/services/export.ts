/** Wires the Export tab (`ExportUseCases`) to app/export. */
import { buildJourneyMap } from '../../app/export/build-journey-map';
import { importMap } from '../../app/export/import-map';
import { guard } from '../../app/roles/facilitators';
import {
  deleteDamagedSnapshots,
  deleteSnapshot,
  getSnapshot,
  historyProblem,
  listSnapshots,
  saveSnapshotFile,
  snapshotUsage,
} from '../../app/export/snapshots';
import { loadMaps, watchMaps } from '../../app/map/map-store';
import { createSettingsStore } from '../../storage';
import { IMPORT_PHASE_LABELS } from '../../ui/export/export-messages';
import type { ExportUseCases } from '../../ui/export/export-tab-model';

export const exportUseCases: ExportUseCases = {
  async loadMaps(workshop) {
    const { maps } = await loadMaps(workshop.board);
    return maps.map((m) => ({ id: m.spec.id, title: m.spec.title }));
  },
  watchMaps: (workshop, fn, onError) =>
    watchMaps(
      workshop.board,
      ({ maps }) => fn(maps.map((m) => ({ id: m.spec.id, title: m.spec.title }))),
      onError,
    ),
  buildFile: (workshop, mapId, includeAuthors, includeLoose = false) =>
    buildJourneyMap(workshop, { mapId, includeAuthors, includeLoose }),
  async readIncludeAuthors(workshop) {
    const db = workshop.local.db;
    if (!db) return false;
    try {
      return await createSettingsStore(db).get('exportIncludeAuthors');
    } catch {
      return false;
    }
  },
  async saveIncludeAuthors(workshop, value) {
    const db = workshop.local.db;
    if (db) await createSettingsStore(db).set('exportIncludeAuthors', value);
  },
  historyProblem,
  listSnapshots,
  usage: snapshotUsage,
  async saveSnapshot(workshop, mapId, label, includeAuthors) {
    const built = await buildJourneyMap(workshop, { mapId, includeAuthors });
    if (!built.ok) return { ok: false, kind: 'no-map', message: built.message };
    return saveSnapshotFile(workshop, built.file, 'manual', label);
  },
  getSnapshot,
  deleteSnapshot,
  deleteDamaged: deleteDamagedSnapshots,
  async importMap(workshop, text, hooks) {
    const allowed = await guard(workshop.board, workshop.user, 'import-map');
    if (!allowed.ok) return { status: 'refused', message: allowed.reason };
    return importMap(workshop, text, {
      signal: hooks.signal,
      onProgress: (p) => hooks.onProgress(p.done, p.total, IMPORT_PHASE_LABELS[p.phase]),
    });
  },
};
