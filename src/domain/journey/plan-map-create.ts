/**
 * The record "Create on board" stores (issue 2 §4, issue 10): first the intent, where the map
 * will be with nothing made yet (`intendedMapRecord`), then what the batch made
 * (`recordAfterCreate`).
 */
import type { MapLayout } from './layout';
import { MAP_RECORD_VERSION, type MapRecord } from './map-record';
import type { MapSpec } from './map-spec';

/** The record written before the first item: where the map will be, nothing made, incomplete. */
export function intendedMapRecord(spec: MapSpec, layout: MapLayout, createdAt: string): MapRecord {
  return {
    version: MAP_RECORD_VERSION,
    spec,
    origin: layout.origin,
    size: layout.size,
    geometry: layout.geometry,
    itemIds: {},
    tagTitles: {},
    createdAt,
    updatedAt: createdAt,
    incomplete: true,
  };
}

/** The stage tags a create asked for (`wanted`, each title once) and those it made. */
export interface CreatedTags {
  /** Stage id → its tag's title. */
  titleOf: Readonly<Record<string, string>>;
  wanted: readonly string[];
  made: ReadonlySet<string>;
}

/** What the batch gave back: the created items' ids by layout key, how many ops failed. */
export interface CreatedItems {
  ids: Readonly<Record<string, string>>;
  failed: number;
  cancelled: boolean;
}

/**
 * The record once the batch ran: the layout items that got an id, the stages whose tag was made;
 * complete only when every item and tag was made, nothing failed and nothing was cancelled.
 */
export function recordAfterCreate(
  record: MapRecord,
  layout: Pick<MapLayout, 'items'>,
  tags: CreatedTags,
  items: CreatedItems,
  updatedAt: string,
): MapRecord {
  const itemIds: Record<string, string> = {};
  for (const item of layout.items) {
    const id = items.ids[item.key];
    if (id !== undefined) itemIds[item.key] = id;
  }
  const complete =
    Object.keys(itemIds).length === layout.items.length &&
    tags.made.size === tags.wanted.length &&
    items.failed === 0 &&
    !items.cancelled;
  return {
    ...record,
    itemIds,
    tagTitles: Object.fromEntries(
      record.spec.stages.flatMap((s) => {
        const title = tags.titleOf[s.id] as string;
        return tags.made.has(title) ? [[s.id, title]] : [];
      }),
    ),
    updatedAt,
    incomplete: !complete,
  };
}
