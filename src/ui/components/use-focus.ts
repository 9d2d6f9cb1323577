import { useEffect, useRef } from 'preact/hooks';

/**
 * A ref whose element takes focus when it mounts (and again whenever `key` changes), while
 * `when` holds: for a form that opens, or the result of an action the person just took.
 */
export function useFocusOnMount<T extends HTMLElement>(when = true, key?: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.focus({ preventScroll: false });
  }, [when, key]);
  return ref;
}
