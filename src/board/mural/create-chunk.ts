/**
 * Which creates share a request on MURAL: creates of one type and parent that follow each other,
 * `CREATE_CHUNK` at most per request; an area is created alone.
 */
import type { ItemRef } from '../port';
import type { CreateChunk } from './write-batch';

/**
 * Items per create request. MURAL takes 1,000, but a chunk settles as one: smaller chunks keep
 * progress moving and let a cancel stop more of a large batch, at one request per 25 items.
 */
export const CREATE_CHUNK = 25;

/** The parent a chunk is for: an area made earlier in the batch, one on the mural, or none. */
export const parentKeyOf = (parent: ItemRef | undefined): string =>
  parent ? ('ref' in parent ? `ref:${parent.ref}` : `id:${parent.id}`) : '';

/** Whether a create of widget `type` in `parentKey` goes in the request `chunk` is filling. */
export const joinsChunk = (
  chunk: Pick<CreateChunk, 'type' | 'parent' | 'items'>,
  type: string,
  parentKey: string,
): boolean =>
  type !== 'area' &&
  chunk.type === type &&
  chunk.parent === parentKey &&
  chunk.items.length < CREATE_CHUNK;
