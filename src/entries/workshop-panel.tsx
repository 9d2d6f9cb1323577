/**
 * The one way each page mounts the panel (`app.html` beside Miro, `mural.html` beside a mural,
 * the playground beside the local board): a workshop in, the panel with every tab wired out.
 */
import type { Workshop } from '../app/workshop';
import { Panel } from '../ui/Panel';
import { panelServices } from './panel-services';

export function WorkshopPanel({ workshop }: { workshop: Workshop }) {
  return <Panel workshop={workshop} services={panelServices} />;
}
