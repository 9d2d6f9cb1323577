import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { useFirstRunGuide, type GuideStorage } from './FirstRunGuide';

/**
 * The first-run guide in the board view: whether it shows, whether it takes focus (only when
 * opened from its button; on page load it leaves focus where it is), and, without storage
 * (`undefined`), no guide and no Guide button. Dismissing it gives focus back to the canvas.
 */
export function useBoardGuide(
  guideStorage: GuideStorage | undefined,
  canvasRef: RefObject<HTMLElement>,
) {
  const guide = useFirstRunGuide(guideStorage ?? null);
  /** The guide opened from its button takes focus; on page load it leaves focus where it is. */
  const [guideAsked, setGuideAsked] = useState(false);
  return {
    open: guideStorage !== undefined && guide.open,
    focusOnOpen: guideAsked,
    show:
      guideStorage === undefined
        ? undefined
        : () => {
            setGuideAsked(true);
            guide.show();
          },
    dismiss: (): void => {
      guide.dismiss();
      setGuideAsked(false);
      canvasRef.current?.focus({ preventScroll: true });
    },
  };
}
