import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface PopoverButtonProps {
  label: string;
  testId: string;
  /** What the button shows (its accessible name is `label`). */
  face: ComponentChildren;
  children: (close: () => void) => ComponentChildren;
}

/** A toolbar button opening a small panel below it; Escape or a click elsewhere closes it. */
export function PopoverButton({ label, testId, face, children }: PopoverButtonProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Focus moves into the popover as it opens (its first field or button), as in a menu.
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (e: PointerEvent): void => {
      if (e.target instanceof Node && root.current?.contains(e.target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div class="bv-popover-anchor" ref={root}>
      <button
        ref={button}
        type="button"
        class={`bv-btn${open ? ' bv-active' : ''}`}
        aria-label={label}
        aria-expanded={open}
        aria-controls={id}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
      >
        {face}
      </button>
      {open && (
        <div
          ref={panel}
          id={id}
          class="bv-popover"
          role="dialog"
          aria-label={label}
          onKeyDown={(e) => {
            // Keys typed here belong to the popover, not to the canvas shortcuts.
            e.stopPropagation();
            if (e.key === 'Escape') close();
          }}
        >
          {children(close)}
        </div>
      )}
    </div>
  );
}
