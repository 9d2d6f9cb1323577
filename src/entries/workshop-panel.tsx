/**
 * The one way each page mounts the panel (`app.html` beside Miro, `mural.html` beside a mural,
 * the playground beside the local board): a workshop in, the panel with every tab wired out.
 */
import type { BoardSession, Workshop } from '../app/workshop';
import { Panel } from '../ui/Panel';
import { panelServices } from './panel-services';

type WorkshopPanelProps =
  | { workshop: Workshop }
  /** The Miro panel: the board side now, the whole workshop once this browser's store is open. */
  | { session: BoardSession; workshop: Promise<Workshop> };

export function WorkshopPanel(props: WorkshopPanelProps) {
  const session = 'session' in props ? props.session : props.workshop;
  return <Panel session={session} workshop={props.workshop} services={panelServices} />;
}
