import { render } from 'preact';
import { createMiroBoard } from '../board/miro/adapter';
import { startWorkshop } from '../app/workshop';
import { WorkshopPanel } from './workshop-panel';
import { Notice } from '../ui/components/Notice';
import { endBoot } from './boot';
import { miroGlobal } from './miro-global';
import { browserMapIdsMemory } from './map-ids-memory';

/** `app.html`: the panel Miro opens beside the board. */
async function main(root: HTMLElement): Promise<void> {
  const miro = miroGlobal();
  if (!miro) {
    render(
      <div class="tp-panel">
        <Notice tone="error" title="Miro is not available">
          This page is Touchpoint's panel inside Miro. To try Touchpoint without Miro, open the
          playground at <a href="./">the start page</a>.
        </Notice>
      </div>,
      root,
    );
    endBoot();
    return;
  }
  // The Map tab needs the board only: it shows while IndexedDB is still opening (issue 12 §1).
  const { session, workshop } = await startWorkshop(createMiroBoard(miro), {
    mapIds: browserMapIdsMemory(),
  });
  render(<WorkshopPanel session={session} workshop={workshop} />, root);
  endBoot();
}

void main(document.getElementById('root')!);
