import { useEffect, useState } from 'preact/hooks';
import type { LocalBoard } from '../sdk/local-board-types';

/** A number that changes after every board change, so the view re-reads the board. */
export function useBoardRevision(board: LocalBoard): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    const unsubscribe = board.subscribe(() => setRevision((r) => r + 1));
    // A change between the first render and subscribing would otherwise be missed.
    setRevision((r) => r + 1);
    return unsubscribe;
  }, [board]);
  return revision;
}
