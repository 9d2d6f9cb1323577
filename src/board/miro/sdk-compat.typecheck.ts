/**
 * Compile-time proof that the real Miro SDK satisfies the subset Touchpoint codes against.
 * Never imported at run time: `tsc --noEmit` fails here if the subset drifts from
 * `@mirohq/websdk-types`.
 */
import type { Miro } from '@mirohq/websdk-types';
import type { MiroSdk } from './sdk';

export type RealSdkFitsSubset = Miro extends MiroSdk ? true : never;
export const realSdkFitsSubset: RealSdkFitsSubset = true;
