import type { ComponentChildren } from 'preact';
import { useFocusOnMount } from './use-focus';

type Tone = 'info' | 'error' | 'success' | 'warning';

/**
 * A message in the panel. Errors are announced assertively, the rest politely. With `focus`, it
 * takes focus as it appears (the outcome of what the person just did), so keyboard and
 * screen-reader users land on it.
 */
export function Notice({
  tone,
  title,
  children,
  focus = false,
}: {
  tone: Tone;
  title?: string;
  children?: ComponentChildren;
  focus?: boolean;
}) {
  const ref = useFocusOnMount<HTMLDivElement>(focus, title);
  return (
    <div
      ref={ref}
      class={`tp-notice tp-notice--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      tabIndex={focus ? -1 : undefined}
    >
      {title && <strong class="tp-notice__title">{title}</strong>}
      {children && <div class="tp-notice__body">{children}</div>}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="tp-empty">
      <p class="tp-empty__title">{title}</p>
      {children && <div class="tp-empty__body">{children}</div>}
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <div class="tp-loading" role="status" aria-live="polite">
      <span class="tp-spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
