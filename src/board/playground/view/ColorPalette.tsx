import type { StickyColor } from '../sdk/local-board-types';
import { PICKER_COLORS, STICKY_FILL, STICKY_LABEL } from './palette';

export interface ColorPaletteProps {
  /** What picking a colour does, for the buttons' labels ("Note colour", "Recolour"). */
  label: string;
  value?: StickyColor;
  onPick(color: StickyColor): void;
}

/** The 16 sticky-note colours as a grid of swatch buttons. */
export function ColorPalette({ label, value, onPick }: ColorPaletteProps) {
  return (
    <div class="bv-palette" role="group" aria-label={label}>
      {PICKER_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          class="bv-swatch"
          data-testid={`swatch-${color}`}
          aria-label={`${label}: ${STICKY_LABEL[color]}`}
          aria-pressed={value === undefined ? undefined : value === color}
          title={STICKY_LABEL[color]}
          style={{ background: STICKY_FILL[color] }}
          onClick={() => onPick(color)}
        />
      ))}
    </div>
  );
}
