import type { MiroSdk } from '../board/miro/sdk';

/**
 * Miro's headless entry: the only iframe that receives `icon:click`. It opens the panel and does
 * nothing else; the panel subscribes to board events itself.
 */
export function startHeadless(miro: MiroSdk): void {
  void miro.board.ui.on('icon:click', () => {
    void openPanel(miro);
  });
}

async function openPanel(miro: MiroSdk): Promise<void> {
  if (await miro.board.ui.canOpenPanel()) {
    await miro.board.ui.openPanel({ url: 'app.html' });
  }
}
