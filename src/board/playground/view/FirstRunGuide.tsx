import { useEffect, useId, useRef, useState } from 'preact/hooks';

/** Where the playground remembers that this browser has seen the guide. */
export const GUIDE_KEY = 'touchpoint.playground.guide-dismissed';

/** Just the part of `localStorage` the guide uses; null where there is none. */
export type GuideStorage = Pick<Storage, 'getItem' | 'setItem'> | null;

/** Reads and writes never throw: storage may be off (private mode, policy) or full. */
function seen(storage: GuideStorage): boolean {
  try {
    return storage?.getItem(GUIDE_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Whether the first-run guide shows: on a browser's first visit, until dismissed (remembered in
 * `storage`); `show()` brings it back on demand.
 */
export function useFirstRunGuide(storage: GuideStorage) {
  const [open, setOpen] = useState(() => !seen(storage));
  return {
    open,
    show: () => setOpen(true),
    dismiss: () => {
      setOpen(false);
      try {
        storage?.setItem(GUIDE_KEY, '1');
      } catch {
        // Not remembered: it shows again next time, which is all that is lost.
      }
    },
  };
}

export interface FirstRunGuideProps {
  onDismiss(): void;
  /** Move focus into the guide when it opens (when asked for from the button, not on page load). */
  focusOnOpen?: boolean;
}

/** What the playground is and what to try first, over the board's top-right corner. */
export function FirstRunGuide({ onDismiss, focusOnOpen = false }: FirstRunGuideProps) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [focusOnOpen]);
  return (
    <section
      class="bv-guide bv-floating"
      role="dialog"
      aria-labelledby={titleId}
      data-testid="first-run-guide"
      onKeyDown={(e) => {
        // Keys pressed here belong to the guide, not to the canvas shortcuts.
        e.stopPropagation();
        if (e.key === 'Escape') onDismiss();
      }}
    >
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        Welcome to the Touchpoint playground
      </h2>
      <p>
        A practice board in this browser that behaves like a Miro board; the panel on the right is
        Touchpoint as it runs inside Miro. Nothing you do here leaves this browser.
      </p>
      <p>
        It opens on a demo workshop: a bank’s customer-onboarding journey map, with stages as
        columns, lanes as rows, and participants’ sticky notes.
      </p>
      <h3>Try first</h3>
      <ol>
        <li>
          Double-click in a map cell to add a note to that stage and lane; type, then Ctrl+Enter.
        </li>
        <li>Select notes and tag them with a stage in the panel’s Stages tab.</li>
        <li>Group a lane’s notes in the Group tab, then start a dot-vote in the Vote tab.</li>
        <li>Switch participant (top left) to vote as someone else.</li>
      </ol>
      <p class="bv-guide__hint">
        Shortcuts: the Keyboard button, top left. This guide: the Guide button beside it.
      </p>
      <div class="bv-guide__actions">
        <button type="button" class="bv-btn bv-primary" onClick={onDismiss}>
          Start exploring
        </button>
      </div>
    </section>
  );
}
