export interface BoardNoticeProps {
  notice: string | null;
  onDismiss(): void;
}

/** The board's last refusal, with a button to dismiss it; nothing when there is none. */
export function BoardNotice({ notice, onDismiss }: BoardNoticeProps) {
  if (notice === null) return null;
  return (
    <div class="bv-notice bv-floating" role="alert" data-testid="board-notice">
      <span>{notice}</span>
      <button
        type="button"
        class="bv-btn bv-icon-btn"
        aria-label="Dismiss message"
        onClick={onDismiss}
      >
        {'\u00d7'}
      </button>
    </div>
  );
}
