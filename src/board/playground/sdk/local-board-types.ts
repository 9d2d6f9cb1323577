/**
 * The playground's local board: the shared state behind every simulated participant's SDK.
 *
 * `createLocalBoard()` (local-board.ts) holds items, tags, storage collections and users.
 * `board.connect(user)` returns a `MiroSdk` (board/miro/sdk.ts) for one participant's panel, with
 * Miro's documented behaviour and limits. The SVG renderer and the playground shell read the
 * state through `items()`/`tags()` and act as a person would through `human`, which emits the
 * same `selection:update` and `items:*` events Miro sends to apps.
 */
import type { MiroSdk } from '../../miro/sdk';

export type StickyColor =
  | 'gray'
  | 'light_yellow'
  | 'yellow'
  | 'orange'
  | 'light_green'
  | 'green'
  | 'dark_green'
  | 'cyan'
  | 'light_pink'
  | 'pink'
  | 'violet'
  | 'red'
  | 'light_blue'
  | 'blue'
  | 'dark_blue'
  | 'black';

interface LocalItemBase {
  id: string;
  /** Centre, as in Miro. Relative to the parent frame's top-left when `parentId` is set. */
  x: number;
  y: number;
  width: number;
  height: number;
  parentId: string | null;
  createdBy: string;
  /** App metadata by key (JSON), as `setMetadata` stored it. */
  metadata: Record<string, unknown>;
}

export interface LocalStickyNote extends LocalItemBase {
  type: 'sticky_note';
  /** Limited HTML, as Miro stores it. */
  content: string;
  shape: 'square' | 'rectangle';
  fillColor: StickyColor;
  tagIds: string[];
}
export interface LocalShape extends LocalItemBase {
  type: 'shape';
  shape: string;
  content: string;
  style: {
    fillColor: string;
    borderColor: string;
    borderWidth: number;
    color: string;
    fontSize: number;
    textAlign: 'left' | 'center' | 'right';
    /** 0–1; absent means opaque. */
    fillOpacity?: number;
  };
}
export interface LocalText extends LocalItemBase {
  type: 'text';
  content: string;
  style: { color: string; fontSize: number };
}
export interface LocalFrame extends LocalItemBase {
  type: 'frame';
  title: string;
  fillColor: string;
  childrenIds: string[];
}
/** One end of a connector: the item it is attached to, and where on that item. */
export interface LocalConnectorEnd {
  item: string;
  /** Relative point on the item (0–1 each), or a side to snap to: one of the two, never both. */
  position?: { x: number; y: number };
  snapTo?: 'auto' | 'top' | 'left' | 'bottom' | 'right';
}
/**
 * A line attached to two items (Web SDK "Connector"). Its `x, y, width, height` are the box
 * between the centres of its end items, kept current by the store as they move (a connector has
 * no position of its own in the SDK).
 */
export interface LocalConnector extends LocalItemBase {
  type: 'connector';
  shape: 'straight' | 'elbowed' | 'curved';
  start: LocalConnectorEnd;
  end: LocalConnectorEnd;
  style: {
    strokeColor: string;
    strokeWidth: number;
    strokeStyle: 'normal' | 'dotted' | 'dashed';
    startStrokeCap: string;
    endStrokeCap: string;
  };
}
/** An item the SDK does not model (emoji, stamp, drawing): `get()` returns it as `Unsupported`. */
export interface LocalUnsupported extends LocalItemBase {
  type: 'stamp' | 'emoji' | 'drawing';
}
export type LocalItem =
  LocalStickyNote | LocalShape | LocalText | LocalFrame | LocalConnector | LocalUnsupported;

export interface LocalTag {
  id: string;
  title: string;
  color: string;
}

export interface LocalUser {
  id: string;
  name: string;
}

/** Everything that persists (IndexedDB) and restores. Plain JSON. */
export interface LocalBoardState {
  version: 1;
  boardId: string;
  boardName: string;
  items: LocalItem[];
  tags: LocalTag[];
  /** collection name → key → JSON value */
  collections: Record<string, Record<string, unknown>>;
  users: LocalUser[];
  nextId: number;
  /** ISO time the board was made (reported by `getInfo()`); absent in older states. */
  createdAt?: string;
}

export interface LocalBoardOptions {
  /** Simulated latency of every SDK call, in ms (default 0). */
  latencyMs?: number;
  /** Credits per rolling minute and per call (defaults 100,000 and 50, as Miro). */
  creditsPerMinute?: number;
  creditsPerCall?: number;
  /** Clock, for tests. */
  now?: () => number;
  /** Start from this state instead of an empty board. */
  state?: LocalBoardState;
}

export interface LocalBoardStats {
  /** SDK calls made through every connected SDK since creation (or `resetStats`). */
  calls: number;
  callsByMethod: Record<string, number>;
  rateLimited: number;
}

export interface Viewport {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a person does on the board (not through the SDK). Each emits Miro's events. */
export interface HumanActions {
  addNote(props: {
    x: number;
    y: number;
    content?: string;
    color?: StickyColor;
    by: string;
  }): LocalStickyNote;
  /** Move to an absolute centre; joins or leaves a frame by where it lands, as Miro does. */
  move(id: string, absX: number, absY: number): void;
  /** Plain text as typed (stored as `<p>` paragraphs), or Miro HTML starting with `<p>`. */
  setText(id: string, content: string): void;
  setColor(id: string, color: StickyColor): void;
  toggleTag(id: string, tagId: string): void;
  createTag(title: string, color?: string): LocalTag;
  remove(ids: string[]): void;
  /** Replace the selection of user `by` (each simulated participant has their own). */
  select(ids: string[], by: string): void;
}

/** A `notifications.showInfo/showError` call, for the shell to show as a toast. */
export interface LocalNotification {
  level: 'info' | 'error';
  message: string;
  userId: string;
}

export interface LocalBoard {
  connect(user: LocalUser): MiroSdk;
  /** Forget a connected SDK: it leaves the online users and hears no more events. */
  disconnect(sdk: MiroSdk): void;
  /** Called for every notification any connected SDK shows. */
  onNotification(fn: (notification: LocalNotification) => void): () => void;
  readonly human: HumanActions;
  /** In z-order (last on top). Items are replaced on change, never mutated: compare by identity. */
  items(): readonly LocalItem[];
  item(id: string): LocalItem | undefined;
  tags(): readonly LocalTag[];
  selection(userId: string): readonly string[];
  /** Absolute top-left rect of an item (through frame parents). */
  absoluteRect(id: string): { x: number; y: number; width: number; height: number };
  viewport(): Viewport;
  setViewport(v: Viewport): void;
  /** Called after every change (for rendering and persistence). */
  subscribe(fn: () => void): () => void;
  state(): LocalBoardState;
  stats(): LocalBoardStats;
  resetStats(): void;
  setLatency(ms: number): void;
}
