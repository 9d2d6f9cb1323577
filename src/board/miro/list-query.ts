/** What `listItems` asks Miro for: the SDK types of the kinds wanted, and whose markers it reads. */
import type { ItemKind } from '../../domain/board/board-item';

const KIND_TYPES: Record<Exclude<ItemKind, 'other'>, string> = {
  note: 'sticky_note',
  shape: 'shape',
  dot: 'shape',
  text: 'text',
  frame: 'frame',
};

/** The SDK types to list for these kinds (none of them `other`); frames always come along. */
export function sdkTypesOf(wanted: ReadonlySet<ItemKind>): string[] {
  const types = new Set([...wanted].map((k) => KIND_TYPES[k as Exclude<ItemKind, 'other'>]));
  types.add('frame');
  return [...types];
}

/** Whether an item of this kind has its marker read: a metadata kind, and wanted (or all are). */
export function readsMarker(
  kind: ItemKind,
  metadataKinds: ReadonlySet<ItemKind>,
  wanted: ReadonlySet<ItemKind> | undefined,
): boolean {
  return metadataKinds.has(kind) && (wanted === undefined || wanted.has(kind));
}
