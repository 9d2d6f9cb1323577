export interface ZoomControlsProps {
  zoom: number;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
  onReset(): void;
}

/** Zoom out / percentage (resets to 100 %) / zoom in / fit, floating bottom-right. */
export function ZoomControls({ zoom, onZoomIn, onZoomOut, onFit, onReset }: ZoomControlsProps) {
  const percent = Math.round(zoom * 100);
  return (
    <div class="bv-zoom bv-floating" role="toolbar" aria-label="Zoom">
      <button
        type="button"
        class="bv-btn bv-icon-btn"
        aria-label="Zoom out"
        data-testid="zoom-out"
        onClick={onZoomOut}
      >
        {'\u2212'}
      </button>
      <button
        type="button"
        class="bv-btn bv-zoom-level"
        aria-label={`Zoom ${percent} %, reset to 100 %`}
        data-testid="zoom-reset"
        onClick={onReset}
      >
        {percent}%
      </button>
      <button
        type="button"
        class="bv-btn bv-icon-btn"
        aria-label="Zoom in"
        data-testid="zoom-in"
        onClick={onZoomIn}
      >
        +
      </button>
      <button
        type="button"
        class="bv-btn bv-icon-btn"
        aria-label="Zoom to fit the board"
        data-testid="zoom-fit"
        onClick={onFit}
      >
        {'\u2922'}
      </button>
    </div>
  );
}
