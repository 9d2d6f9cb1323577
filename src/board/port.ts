/**
 * The Board port (ARCHITECTURE.md §4): what the use cases in app/ may ask of a board.
 * Adapters (miro/, mural/) implement it and translate at the edge; nothing above board/ sees
 * platform types.
 */
import type {
  BoardItem,
  BoardTag,
  ItemKind,
  ItemMarker,
  PaletteColor,
  Rect,
} from '../domain/board/board-item';

export type { BoardItem, BoardTag, ItemKind, ItemMarker, PaletteColor, Rect };

export type Platform = 'miro' | 'mural' | 'playground';

export interface BoardInfo {
  id: string;
  name: string;
}

export interface BoardUser {
  id: string;
  name: string;
}

/** What a create operation makes. `rect` is absolute; the adapter converts for parents. */
export type CreateSpec =
  | { kind: 'frame'; title: string; rect: Rect; fill?: string }
  | {
      kind: 'shape';
      text: string;
      rect: Rect;
      /** Hex fill, e.g. '#ffffff'. */
      fill?: string;
      border?: string;
      fontSize?: number;
      textColor?: string;
      align?: 'left' | 'center';
      /** Rounded corners (Miro: `round_rectangle`); a platform without them draws a rectangle. */
      rounded?: boolean;
    }
  | { kind: 'text'; text: string; rect: Rect; fontSize?: number; textColor?: string }
  | { kind: 'note'; text: string; rect: Rect; color: PaletteColor; tags?: string[] };

/** A reference to an item: an existing id, or the `ref` of a create earlier in the same batch. */
export type ItemRef = { id: string } | { ref: string };

/** How a line between two items is drawn. */
export interface LineStyle {
  /** Hex, e.g. '#4262ff'. */
  color: string;
  /** Board units, 1–24. */
  width: number;
  dashed: boolean;
}

export type WriteOp =
  | {
      op: 'create';
      /** Local name for the new item; the result maps it to the new id. */
      ref: string;
      item: CreateSpec;
      /** Put the new item inside this frame (Miro: frame.add; MURAL: parentId). */
      parent?: ItemRef;
      meta?: ItemMarker;
    }
  | {
      op: 'update';
      id: string;
      /** Only the given fields change. `rect` moves (x, y) and, where the platform allows, resizes. */
      patch: { text?: string; rect?: Partial<Rect>; color?: PaletteColor; fill?: string };
    }
  | { op: 'remove'; id: string }
  /**
   * A straight line joining two items, border to border (`lineBetween`), attached to them: it goes
   * when either goes. On Miro (connectors) it follows them when they move; on MURAL (arrows
   * connected to both widgets) it is drawn by coordinates and its item reports where (`ends.at`),
   * so a caller can tell a line its items left behind and draw it again. Only where
   * `limits.connectors`; the result maps `ref` to the new line's id like a create.
   */
  | { op: 'connect'; ref: string; from: ItemRef; to: ItemRef; style: LineStyle }
  /** Add and remove tag titles on a note. Missing tags are created (see `ensureTag`). */
  | { op: 'tag'; id: string; add?: string[]; remove?: string[] }
  /** Create a board tag if no tag of this exact title exists. */
  | { op: 'ensureTag'; title: string; color?: string }
  /** Rename a board tag, keeping it on every item that has it. */
  | { op: 'renameTag'; from: string; to: string };

export interface BatchProgress {
  done: number;
  total: number;
  /** Calls retried after a rate-limit or transient failure so far. */
  retries: number;
}

export interface BatchOptions {
  onProgress?: (progress: BatchProgress) => void;
  signal?: AbortSignal;
  /**
   * Called as each create comes back with the new item's id, before the batch ends, so a use case
   * can journal what exists even if the panel closes before the batch settles.
   */
  onCreated?: (ref: string, id: string) => void;
}

export interface OpFailure {
  index: number;
  op: WriteOp;
  message: string;
}

export interface BatchResult {
  /** `ref` of each successful create → the new item's id. */
  ids: Record<string, string>;
  done: number;
  failed: OpFailure[];
  cancelled: boolean;
}

export type Unsubscribe = () => void;

export interface BoardEvents {
  selection: { items: BoardItem[] };
  'items:create': { items: BoardItem[] };
  'items:update': { items: BoardItem[] };
  'items:delete': { ids: string[] };
}

/** A named collection of JSON values shared live by every participant of the board. */
export interface SharedCollection {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /**
   * Called with the current value, then on every change (including this user's). If reading the
   * current value fails, `onError` hears why and the watch goes on: the value comes with the
   * next change (or the next poll, where the platform polls).
   */
  watch<T = unknown>(
    key: string,
    fn: (value: T | undefined) => void,
    onError?: (error: unknown) => void,
  ): Unsubscribe;
}

/**
 * What the platform accepts, stated by each adapter from the platform's documentation
 * (docs/platform-notes.md). Use cases and domain rules read these; nothing above board/ branches
 * on the platform.
 */
export interface BoardLimits {
  /** Longest tag title, in characters. */
  readonly tagTitle: number;
  /** Most tags on one item. */
  readonly tagsPerItem: number;
  /** Most tags on one board. */
  readonly tagsPerBoard: number;
  /** Longest note text the platform stores, in characters. */
  readonly noteText: number;
  /** Whether `connect` ops draw lines attached to two items (false: the adapter refuses them). */
  readonly connectors: boolean;
}

/**
 * The platform's own voting session where apps may run one (MURAL's voting sessions; Miro's
 * native voting cannot be started by apps, so its adapter has none). The platform keeps who voted
 * and answers apps with totals per item only, which is what anonymous rounds need.
 */
export interface PlatformVoting {
  /** Starts a session. MURAL runs one at a time: refused while another is running. */
  start(settings: { title: string; votesPerPerson: number }): Promise<{ sessionId: string }>;
  /** One vote of the current user for an item, in the running session. Cannot be taken back. */
  vote(itemId: string): Promise<void>;
  /** Ends the session if it is the one running (nothing when it already ended). */
  end(sessionId: string): Promise<void>;
  remove(sessionId: string): Promise<void>;
  /** Votes and distinct voters per item, as the platform counts them. */
  totals(sessionId: string): Promise<{ itemId: string; votes: number; voters: number }[]>;
}

export interface Board {
  readonly platform: Platform;
  readonly limits: BoardLimits;
  /** The platform's own voting session, or null where apps cannot run one. */
  readonly platformVoting: PlatformVoting | null;
  info(): Promise<BoardInfo>;
  currentUser(): Promise<BoardUser>;
  onlineUsers(): Promise<BoardUser[]>;
  /** All items, or those of the given kinds. Expensive on Miro: read once, then follow events. */
  listItems(kinds?: ItemKind[]): Promise<BoardItem[]>;
  selection(): Promise<BoardItem[]>;
  select(ids: string[]): Promise<void>;
  listTags(): Promise<BoardTag[]>;
  on<K extends keyof BoardEvents>(event: K, fn: (payload: BoardEvents[K]) => void): Unsubscribe;
  /** Runs the operations through the write queue, in order where they depend on each other. */
  apply(ops: WriteOp[], options?: BatchOptions): Promise<BatchResult>;
  shared(name: string): SharedCollection;
  /** Free space of the given size near `near` (default: the current view). */
  findEmptySpace(size: { w: number; h: number }, near?: Rect): Promise<Rect>;
  viewport(): Promise<Rect>;
  zoomTo(ids: string[]): Promise<void>;
  notify(kind: 'info' | 'error', message: string): Promise<void>;
  canUse(feature: 'voting'): Promise<boolean>;
  /**
   * The platform's own voting results where it has them (Miro: `experimental.getVotingResults()`
   * behind `canUse('voting')`; MURAL: voting sessions), as the platform returns them: outside
   * input for the caller to validate. An empty list where there are none.
   */
  nativeVotingResults(): Promise<unknown>;
}
