/**
 * `board.create*`: a new item or tag from its props, checked by the per-type rules (`items.ts`,
 * `tags.ts`), put on the board and handed back as an SDK object.
 */
import type {
  SdkBoard,
  SdkConnector,
  SdkFrame,
  SdkShape,
  SdkStickyNote,
  SdkTag,
  SdkText,
} from '../../miro/sdk';
import {
  newConnector,
  newFrame,
  newShape,
  newStickyNote,
  newText,
  type NewItemContext,
} from './items';
import type { LocalItem } from './local-board-types';
import {
  connectorView,
  frameView,
  shapeView,
  stickyView,
  textView,
  toSdkTag,
  type ConnectionScope,
  type SdkContext,
} from './sdk-items';
import { newTag } from './tags';

type CreateMethods = Pick<
  SdkBoard,
  | 'createStickyNote'
  | 'createShape'
  | 'createText'
  | 'createFrame'
  | 'createConnector'
  | 'createTag'
>;

export function createMethods(scope: ConnectionScope): CreateMethods {
  const { store, origin, call, user } = scope;

  const newItemContext = (): NewItemContext => ({
    id: store.newId(),
    createdBy: user.id,
    tagExists: (id) => store.tag(id) !== undefined,
  });

  const insert = <T>(item: LocalItem, view: (item: never, ctx: SdkContext) => T): T => {
    store.insert(item, origin);
    return view(item as never, scope);
  };

  return {
    createStickyNote: (props) =>
      call('createStickyNote', (): SdkStickyNote =>
        insert(newStickyNote(props, newItemContext()), stickyView),
      ),
    createShape: (props) =>
      call('createShape', (): SdkShape => insert(newShape(props, newItemContext()), shapeView)),
    createText: (props) =>
      call('createText', (): SdkText => insert(newText(props, newItemContext()), textView)),
    createFrame: (props) =>
      call('createFrame', (): SdkFrame => insert(newFrame(props, newItemContext()), frameView)),
    createConnector: (props) =>
      call('createConnector', (): SdkConnector => {
        const { id, createdBy } = newItemContext();
        const line = newConnector(props, {
          id,
          createdBy,
          itemType: (item) => store.item(item)?.type,
        });
        store.insert(line, origin);
        return connectorView(store.item(line.id) as typeof line, scope);
      }),
    createTag: (props) =>
      call('createTag', (): SdkTag => {
        const tag = newTag(props, store.newId(), store.tags());
        store.putTag(tag);
        return toSdkTag(tag, scope);
      }),
  };
}
