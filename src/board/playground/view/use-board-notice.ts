import { errorMessage } from '../../../domain/common';
import { useState } from 'preact/hooks';

/** The board's last refusal (a limit, a vanished item), shown until dismissed or the next success. */
export function useBoardNotice() {
  const [notice, setNotice] = useState<string | null>(null);
  /** Runs a board action; the board's refusal (a limit, a vanished item) becomes the notice. */
  const attempt = (fn: () => void): void => {
    try {
      fn();
      setNotice(null);
    } catch (e) {
      setNotice(errorMessage(e));
    }
  };
  return { notice, attempt, dismiss: () => setNotice(null) };
}
