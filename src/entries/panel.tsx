import { render } from 'preact';
import { createMiroBoard } from '../board/miro/adapter';
import { openWorkshop } from '../app/workshop';
import { WorkshopPanel } from './workshop-panel';
import { Notice } from '../ui/components/Notice';
import { endBoot } from './boot';
import { miroGlobal } from './miro-global';

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
  const workshop = await openWorkshop(createMiroBoard(miro));
  render(<WorkshopPanel workshop={workshop} />, root);
  endBoot();
}

void main(document.getElementById('root')!);
