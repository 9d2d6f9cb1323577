/**
 * The subset of the Miro Web SDK v2 that Touchpoint calls, typed from `@mirohq/websdk-types`.
 *
 * Both the real `miro` global and the playground's local board (board/playground/sdk) satisfy
 * `MiroSdk`; `sdk-compat.typecheck.ts` proves at compile time that the real SDK does, so the two are
 * interchangeable behind the Miro adapter. Item types are `Pick`s of the SDK classes, so a field
 * or method that Touchpoint uses cannot drift from Miro's own declaration.
 */
import type {
  BoardFeature,
  BoardInfo,
  Collection,
  Connector,
  ConnectorProps,
  Frame,
  FrameProps,
  Json,
  OnlineUserInfo,
  Rect as MiroRect,
  Shape,
  ShapeProps,
  StickyNote,
  StickyNoteProps,
  Tag,
  TagProps,
  Text,
  TextProps,
  UserInfo,
} from '@mirohq/websdk-types';

export type { BoardInfo, Collection, Json, MiroRect, OnlineUserInfo, UserInfo };

type ItemCommon = 'id' | 'type' | 'x' | 'y' | 'parentId' | 'sync' | 'getMetadata' | 'setMetadata';

export type SdkStickyNote = Pick<
  StickyNote,
  ItemCommon | 'width' | 'height' | 'shape' | 'content' | 'style' | 'tagIds' | 'createdBy'
>;
export type SdkShape = Pick<Shape, ItemCommon | 'width' | 'height' | 'shape' | 'content' | 'style'>;
export type SdkText = Pick<Text, ItemCommon | 'width' | 'height' | 'content' | 'style'>;
export type SdkFrame = Pick<
  Frame,
  ItemCommon | 'width' | 'height' | 'title' | 'style' | 'childrenIds' | 'getChildren'
> & {
  add(item: SdkItem): Promise<unknown>;
  remove(item: SdkItem): Promise<void>;
};
export type SdkTag = Pick<Tag, 'id' | 'type' | 'title' | 'color' | 'sync'>;
/** A line attached to two items (Web SDK reference "Connector"); it has no x, y of its own. */
export type SdkConnector = Pick<
  Connector,
  | 'id'
  | 'type'
  | 'parentId'
  | 'width'
  | 'height'
  | 'shape'
  | 'start'
  | 'end'
  | 'style'
  | 'sync'
  | 'getMetadata'
  | 'setMetadata'
>;
/** Anything else the board holds: cards, connectors, images, and items the SDK does not model. */
export interface SdkOtherItem {
  readonly id: string;
  readonly type: string;
}
export type SdkItem = SdkStickyNote | SdkShape | SdkText | SdkFrame | SdkConnector | SdkOtherItem;
export type SdkEntity = SdkItem | SdkTag;

export type SdkFilter =
  { id: string | string[] } | { type?: string | string[]; tags?: string | string[] };

/** Event payloads Touchpoint listens to (`SelectionUpdateEvent`, `ItemsCreateEvent`, …). */
export interface SdkItemsEvent {
  items: SdkItem[];
}
export type SdkEventName =
  'selection:update' | 'items:create' | 'items:delete' | 'experimental:items:update' | 'icon:click';

export interface SdkUi {
  on(event: SdkEventName, handler: (event: SdkItemsEvent) => void): unknown;
  off(event: SdkEventName, handler: (event: SdkItemsEvent) => void): unknown;
  openPanel(options: { url: string; height?: number }): Promise<unknown>;
  canOpenPanel(): Promise<boolean>;
}

export interface SdkViewport {
  get(): Promise<MiroRect>;
  set(options: { viewport: MiroRect }): Promise<MiroRect>;
  zoomTo(items: SdkItem | SdkItem[]): Promise<void>;
}

export interface SdkStorage {
  collection(name: string): Collection;
}

export interface SdkNotifications {
  showInfo(message: string): Promise<void>;
  showError(message: string): Promise<void>;
}

export interface VotingResultLike {
  title: string;
  createdAt?: string;
  results: { itemId: string; count: number }[];
}

export interface SdkBoard {
  createStickyNote(props?: StickyNoteProps): Promise<SdkStickyNote>;
  createShape(props?: ShapeProps): Promise<SdkShape>;
  createText(props?: TextProps): Promise<SdkText>;
  createFrame(props?: FrameProps): Promise<SdkFrame>;
  createTag(props?: TagProps): Promise<SdkTag>;
  createConnector(props: ConnectorProps): Promise<SdkConnector>;
  get(filter?: SdkFilter): Promise<SdkEntity[]>;
  getSelection(): Promise<SdkItem[]>;
  select(filter?: SdkFilter): Promise<SdkItem[]>;
  deselect(filter?: SdkFilter): Promise<SdkItem[]>;
  remove(item: SdkEntity): Promise<void>;
  getInfo(): Promise<BoardInfo>;
  getUserInfo(): Promise<UserInfo>;
  getOnlineUsers(): Promise<OnlineUserInfo[]>;
  canUse(feature: BoardFeature): Promise<boolean>;
  findEmptySpace(dimensions: MiroRect & { offset?: number }): Promise<MiroRect>;
  readonly ui: SdkUi;
  readonly viewport: SdkViewport;
  readonly storage: SdkStorage;
  readonly notifications: SdkNotifications;
  readonly experimental?: { getVotingResults(): Promise<VotingResultLike[]> };
}

export interface MiroSdk {
  readonly board: SdkBoard;
}

export const isStickyNote = (item: SdkEntity): item is SdkStickyNote => item.type === 'sticky_note';
export const isShape = (item: SdkEntity): item is SdkShape => item.type === 'shape';
export const isText = (item: SdkEntity): item is SdkText => item.type === 'text';
export const isFrame = (item: SdkEntity): item is SdkFrame => item.type === 'frame';
export const isTag = (item: SdkEntity): item is SdkTag => item.type === 'tag';
export const isConnector = (item: SdkEntity): item is SdkConnector => item.type === 'connector';

/** Miro's 13 tag colours (`TagColor` in the SDK types), for validating and cycling tag colours. */
export const MIRO_TAG_COLORS = [
  'red',
  'magenta',
  'violet',
  'light_green',
  'green',
  'dark_green',
  'cyan',
  'blue',
  'dark_blue',
  'yellow',
  'gray',
  'black',
  'dark_gray',
] as const;
