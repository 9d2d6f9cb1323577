/**
 * A local test double of the documented subset of MURAL's public REST API (platform-notes.md):
 * OAuth with PKCE and a client secret, scopes, workspaces → rooms → murals, widgets with
 * pagination, typed create and PATCH paths with MURAL's field lists, areas with relative
 * coordinates, the mural's bounds, tags, voting results, the 25-a-second limit with reset
 * headers, and `TOKEN_EXPIRED`. node:http on 127.0.0.1 only, random port.
 *
 * Each behaviour names where it comes from: "app-credentials" is developers.mural.co/public/docs/
 * app-credentials, "oauth" …/docs/oauth, "rate-limiting" …/docs/rate-limiting, "reference X" is
 * developers.mural.co/public/reference/X (field lists as public clients of it encode them, e.g.
 * mickaelpham/mural-ruby `lib/mural/widget/*_params.rb`, PipedreamHQ/pipedream `components/mural`).
 * Where the docs are silent the double takes the strictest reading and says so.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const API_PREFIX = '/api/public/v1';

export type CreateField = 'style' | 'parentId' | 'tags';

/**
 * How the app is registered. app-credentials: "The Client secret is required to authenticate with
 * OAuth 2.0", so by default the token endpoint wants the secret on the code exchange and on refresh.
 * A public registration (no secret, PKCE only) is an explicit option: one public client treats the
 * secret as optional, so such registrations may exist.
 */
export type AppRegistration =
  | { kind: 'confidential'; clientId: string; clientSecret: string }
  | { kind: 'public'; clientId: string };

export const TEST_APP: AppRegistration = {
  kind: 'confidential',
  clientId: 'touchpoint-test',
  clientSecret: 'test-secret-not-for-production',
};

/** Scopes MURAL's reference pages name (a token carries those it was granted). */
export const ALL_SCOPES = [
  'identity:read',
  'murals:read',
  'murals:write',
  'rooms:read',
  'rooms:write',
  'templates:read',
  'users:read',
  'workspaces:read',
] as const;

export interface MuralServerOptions {
  /** The app registration (default TEST_APP, a confidential client). */
  app?: AppRegistration;
  /** Delay before every answer, ms (default 0). */
  latencyMs?: number;
  /** Requests a user may make in any second (default 25, MURAL's limit). */
  ratePerSecond?: number;
  /** Access token lifetime, seconds (default 900). */
  tokenTtlSeconds?: number;
  /** Fields the create paths refuse, to exercise the adapter's create-then-PATCH fallback. */
  rejectOnCreate?: CreateField[];
  /** Who the authorize endpoint signs in without asking (default Ada). */
  approveAs?: MockUser;
}

export interface MuralSize {
  width: number;
  height: number;
  /** reference getmuralbyid: `infinite` murals have no bounds. */
  infinite?: boolean;
}

/** The double's mural size when a test does not choose one (MURAL's default is not documented). */
export const DEFAULT_MURAL_SIZE: MuralSize = { width: 30_000, height: 20_000 };

export interface MockUser {
  id: string;
  firstName: string;
  lastName: string;
}

/** A widget as MURAL answers it; arrows carry their own fields too (`ArrowFields`). */
export interface WidgetRecord extends Partial<ArrowFields> {
  id: string;
  type: 'sticky note' | 'shape' | 'text' | 'area' | 'title' | 'arrow';
  x: number;
  y: number;
  width: number;
  height: number;
  parentId: string | null;
  text: string;
  htmlText: string;
  title: string;
  shape: string;
  style: Record<string, unknown>;
  tags: string[];
  hidden: boolean;
  locked: boolean;
  createdBy: string;
  /**
   * Who changed it last. MURAL widgets carry their author and last editor (widget schema
   * `createdBy`, `updatedBy`): anyone who can read the mural through the API reads them.
   */
  updatedBy: string;
  updatedOn: number;
}

/**
 * An arrow's own fields (reference createarrow; mural-ruby `Widget::Arrow`): its path `points`,
 * relative to the arrow's top-left; the widgets its start and end are connected to; the line type
 * and the tip.
 */
export interface ArrowFields {
  points: { x: number; y: number }[];
  startRefId: string | null;
  endRefId: string | null;
  arrowType: string;
  tip: string;
}

export interface TagRecord {
  id: string;
  text: string;
  backgroundColor: string;
  borderColor: string;
  color: string;
}

interface VotingSession {
  id: string;
  title: string;
  status: 'active' | 'closed';
  results: { widgetId: string; totalVotes: number; uniqueVoters: number }[];
  /** Votes allowed per participant (startmuralvotingsession `numberOfVotes`); null: unlimited. */
  numberOfVotes?: number | null;
  /** Who voted for what: kept by the server, never returned by any route (as on MURAL). */
  ballots?: Map<string, string[]>;
}

interface MuralRecord {
  id: string;
  title: string;
  roomId: string;
  workspaceId: string;
  widgets: Map<string, WidgetRecord>;
  tags: Map<string, TagRecord>;
  voting: VotingSession[];
  members: Set<string>;
  size: MuralSize;
}

export interface MuralServerStats {
  requests: number;
  rateLimited: number;
  tokenExpired: number;
  byRoute: Record<string, number>;
}

export interface MuralServer {
  origin: string;
  /** `origin` + the API prefix, what the REST client takes as its base URL. */
  apiBase: string;
  stats: MuralServerStats;
  /** The app registration the token endpoint checks. */
  app: AppRegistration;
  createMural(title?: string, roomId?: string, size?: MuralSize): string;
  /** Tokens for `user` without the browser round trip (every scope unless `scopes` says). */
  issueToken(
    user: MockUser,
    scopes?: readonly string[],
  ): { accessToken: string; refreshToken: string };
  /** Every access token issued so far now answers `TOKEN_EXPIRED`. */
  expireAccessTokens(): void;
  addVotingSession(muralId: string, session: Omit<VotingSession, 'id'>): string;
  widgets(muralId: string): WidgetRecord[];
  /** The mural's tags, as GET …/tags lists them (for tests that compare whole murals). */
  tags(muralId: string): TagRecord[];
  setLatency(ms: number): void;
  close(): Promise<void>;
}

export const WORKSPACE = { id: 'touchpoint', name: 'Touchpoint workshops' };
export const ROOMS = [
  { id: '1001', workspaceId: WORKSPACE.id, name: 'Customer journeys' },
  { id: '1002', workspaceId: WORKSPACE.id, name: 'Retrospectives' },
];
const ADA: MockUser = { id: 'u-ada', firstName: 'Ada', lastName: 'Lovelace' };

const CREATE_PATHS: Record<string, WidgetRecord['type']> = {
  'sticky-note': 'sticky note',
  shape: 'shape',
  textbox: 'text',
  title: 'title',
  area: 'area',
  arrow: 'arrow',
};
/**
 * Fields each typed path accepts, from reference createstickynote / createtextbox / createtitle /
 * createshape / createarea; MURAL validates bodies against its schema, so anything else is a 400
 * (strictest reading: the reference pages list the fields, nothing says others are ignored).
 * Update = create without `stackingOrder` (and without `shape` on sticky notes and shapes),
 * reference updatestickynote / updatetextbox / updatetitle / updateshape / updatearea. Area
 * create dropped `hidden`, `locked` and `rotation` (changelog 2022-05-12), while update area only
 * dropped `rotation`, so `locked` is an update-area field.
 */
const COMMON_FIELDS = [
  'x',
  'y',
  'width',
  'height',
  'parentId',
  'presentationIndex',
  'stackingOrder',
  'instruction',
] as const;
const CREATE_FIELDS: Record<string, readonly string[]> = {
  'sticky-note': [
    ...COMMON_FIELDS,
    'hidden',
    'htmlText',
    'hyperlink',
    'hyperlinkTitle',
    'rotation',
    'shape',
    'style',
    'tags',
    'text',
    'title',
  ],
  textbox: [
    ...COMMON_FIELDS,
    'hidden',
    'hyperlink',
    'hyperlinkTitle',
    'rotation',
    'style',
    'text',
    'title',
  ],
  shape: [...COMMON_FIELDS, 'hidden', 'htmlText', 'rotation', 'shape', 'style', 'text', 'title'],
  area: [...COMMON_FIELDS, 'layout', 'showTitle', 'style', 'title'],
  // reference createarrow (mural-ruby `CreateArrowParams`: the arrow's attributes less the
  // read-only ones): no `hidden`, no `locked`, no text.
  arrow: [
    ...COMMON_FIELDS,
    'rotation',
    'arrowType',
    'tip',
    'stackable',
    'points',
    'style',
    'startRefId',
    'endRefId',
    'label',
    'title',
  ],
};
// A title is a textbox that grows to fit its text (`fixedWidth: false`): the same fields.
CREATE_FIELDS.title = CREATE_FIELDS.textbox!;
const UPDATE_FIELDS: Record<string, readonly string[]> = {
  'sticky-note': CREATE_FIELDS['sticky-note']!.filter(
    (f) => f !== 'stackingOrder' && f !== 'shape',
  ),
  textbox: CREATE_FIELDS.textbox!.filter((f) => f !== 'stackingOrder'),
  title: CREATE_FIELDS.title!.filter((f) => f !== 'stackingOrder'),
  shape: CREATE_FIELDS.shape!.filter((f) => f !== 'stackingOrder' && f !== 'shape'),
  area: [...CREATE_FIELDS.area!.filter((f) => f !== 'stackingOrder'), 'hidden', 'locked'],
};
/**
 * `style` fields by path: sticky note `backgroundColor bold border italic underline strike font
 * fontSize textAlign`; textbox and title `backgroundColor font fontSize textAlign` (no font colour:
 * `fontColor` is a shape style); shape adds borders and `fontColor`; area `backgroundColor
 * borderColor borderStyle borderWidth titleFontSize` (reference pages' style objects).
 */
const TEXT_STYLE = ['backgroundColor', 'font', 'fontSize', 'textAlign'] as const;
const STYLE_FIELDS: Record<string, readonly string[]> = {
  'sticky-note': [...TEXT_STYLE, 'bold', 'border', 'italic', 'underline', 'strike'],
  textbox: TEXT_STYLE,
  title: TEXT_STYLE,
  shape: [
    ...TEXT_STYLE,
    'borderColor',
    'borderStyle',
    'borderWidth',
    'bold',
    'italic',
    'underline',
    'strike',
    'fontColor',
  ],
  area: ['backgroundColor', 'borderColor', 'borderStyle', 'borderWidth', 'titleFontSize'],
  arrow: ['strokeColor', 'strokeStyle', 'strokeWidth'],
};
/**
 * Arrow enums and bounds (reference createarrow, as mural-ruby `Widget::Arrow` lists them):
 * `arrowType` straight, curved or orthogonal; `tip` no tip, single or double; `style.strokeStyle`
 * solid, dashed, dotted-spaced or dotted; `style.strokeColor` hex with alpha. The reference gives
 * no stroke width range; public clients of it document 1 to 7, which the double enforces
 * (strictest reading). A path needs at least two points.
 */
const ARROW_TYPES = ['straight', 'curved', 'orthogonal'];
const ARROW_TIPS = ['no tip', 'single', 'double'];
const STROKE_STYLES = ['solid', 'dashed', 'dotted-spaced', 'dotted'];
const STROKE_WIDTH = { min: 1, max: 7 };
/**
 * reference getmuralwidgets: the `type` filter takes MURAL's documented names, which are not the
 * `type` values widgets carry ("sticky notes" lists widgets of type "sticky note", "textbox" those
 * of type "text"). An unknown name is refused (strictest reading).
 */
const TYPE_FILTERS: Record<string, readonly WidgetRecord['type'][]> = {
  'sticky notes': ['sticky note'],
  textbox: ['text', 'title'],
  shapes: ['shape'],
  images: [],
  areas: ['area'],
  arrows: ['arrow'],
  connectors: [],
  files: [],
  tables: [],
};
const MAX_CREATE = 1000;
const MAX_PAGE = 100;
const MAX_TAG_TEXT = 25;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const htmlOf = (text: string): string =>
  text
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');

const textOfHtml = (html: string): string =>
  html
    .replace(/<\/p>\s*<p>/g, '\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const num = (value: unknown, what: string, fallback?: number): number => {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new HttpError(400, 'INVALID_REQUEST', `"${what}" must be a number.`);
  }
  return value;
};

/** The absolute rect of `w`, through its parent areas. */
function absoluteRect(mural: MuralRecord, w: WidgetRecord) {
  let { x, y } = w;
  for (let p = w.parentId, d = 0; p !== null && d < 32; d += 1) {
    const area = mural.widgets.get(p);
    if (!area) break;
    x += area.x;
    y += area.y;
    p = area.parentId;
  }
  return { x, y, w: w.width, h: w.height };
}

/** Widgets drawn at a quarter scale, areas behind. */
function renderMural(mural: MuralRecord): string {
  // `hidden` hides a widget from non-facilitators in the outline only (reference getmuralwidget:
  // "Applies only when the widget is in the outline"): it is still drawn on the mural.
  const all = [...mural.widgets.values()];
  const placed = all.map((w) => {
    const { x, y } = absoluteRect(mural, w);
    return { w, x, y };
  });
  // From the top-left of what is on it (a mural is large; the view starts where the widgets do).
  const minX = placed.length ? Math.min(...placed.map((p) => p.x)) : 0;
  const minY = placed.length ? Math.min(...placed.map((p) => p.y)) : 0;
  const scale = 0.25;
  const at = (x: number, y: number) => `${(x - minX) * scale + 10},${(y - minY) * scale + 10}`;
  const lines = placed
    .filter(({ w }) => w.type === 'arrow' && (w.points?.length ?? 0) >= 2)
    .map(({ w, x, y }) => {
      const color = typeof w.style.strokeColor === 'string' ? w.style.strokeColor : '#333333FF';
      const dash = w.style.strokeStyle === 'dashed' ? ' stroke-dasharray="4 3"' : '';
      const path = w.points!.map((p) => at(x + p.x, y + p.y)).join(' ');
      return `<polyline points="${path}" fill="none" stroke="${escapeHtml(color)}" stroke-width="1.5"${dash}/>`;
    })
    .join('');
  const boxes = placed
    .filter(({ w }) => w.type !== 'arrow')
    .sort((a, b) => Number(b.w.type === 'area') - Number(a.w.type === 'area'))
    .map(({ w, x, y }) => {
      const bg =
        typeof w.style.backgroundColor === 'string' ? w.style.backgroundColor : 'transparent';
      const border =
        w.type === 'area' ? '1px solid #999' : w.type === 'text' ? 'none' : '1px solid #ccc';
      const label = escapeHtml(w.type === 'area' ? w.title : w.text);
      return `<div style="position:absolute;left:${(x - minX) * scale + 10}px;top:${(y - minY) * scale + 10}px;width:${w.width * scale}px;height:${w.height * scale}px;background:${bg};border:${border};font:9px sans-serif;overflow:hidden">${label}</div>`;
    })
    .join('');
  const svg = `<svg style="position:absolute;left:0;top:0;overflow:visible;z-index:1" width="1" height="1">${lines}</svg>`;
  return `<!doctype html><meta charset="utf-8"><title>${escapeHtml(mural.title)}</title><body style="margin:0;background:#fafafa">${boxes}${svg}</body>`;
}

export async function startMuralServer(options: MuralServerOptions = {}): Promise<MuralServer> {
  let latencyMs = options.latencyMs ?? 0;
  const ratePerSecond = options.ratePerSecond ?? 25;
  const ttl = options.tokenTtlSeconds ?? 900;
  const reject = new Set(options.rejectOnCreate ?? []);
  const approveAs = options.approveAs ?? ADA;
  const app = options.app ?? TEST_APP;

  const murals = new Map<string, MuralRecord>();
  const users = new Map<string, MockUser>([[approveAs.id, approveAs]]);
  const access = new Map<string, { userId: string; expired: boolean; scopes: Set<string> }>();
  const refresh = new Map<string, { userId: string; scopes: Set<string> }>();
  const codes = new Map<
    string,
    { challenge: string; redirectUri: string; userId: string; scopes: Set<string> }
  >();
  const recent = new Map<string, number[]>();
  const stats: MuralServerStats = { requests: 0, rateLimited: 0, tokenExpired: 0, byRoute: {} };
  let counter = 0;
  const nextId = (): string => `${Date.now().toString(36)}-${(counter += 1)}`;

  function issue(userId: string, scopes: Set<string>) {
    const accessToken = `at-${randomUUID()}`;
    const refreshToken = `rt-${randomUUID()}`;
    access.set(accessToken, { userId, expired: false, scopes });
    refresh.set(refreshToken, { userId, scopes });
    return { accessToken, refreshToken };
  }

  /**
   * Positions are measured from the mural's top-left (reference createstickynote: "If the widget
   * has no parent widget, this is the distance from the left of the mural"), and a finite mural
   * has a `width` and `height` (reference getmuralbyid). Whether MURAL refuses a widget that
   * reaches outside them is not stated; the strictest reading refuses it.
   */
  function checkBounds(mural: MuralRecord, w: WidgetRecord): void {
    if (mural.size.infinite) return;
    const r = absoluteRect(mural, w);
    if (r.x < 0 || r.y < 0 || r.x + r.w > mural.size.width || r.y + r.h > mural.size.height) {
      throw new HttpError(
        400,
        'INVALID_REQUEST',
        `Widget at (${r.x}, ${r.y}) size ${r.w}×${r.h} is outside the mural (${mural.size.width}×${mural.size.height}).`,
      );
    }
  }

  /** Refuses fields the typed path does not document, and style fields it does not list. */
  function checkFields(path: string, body: Record<string, unknown>, mode: 'create' | 'update') {
    const allowed = (mode === 'create' ? CREATE_FIELDS : UPDATE_FIELDS)[path] ?? [];
    for (const field of Object.keys(body)) {
      if (!allowed.includes(field)) {
        throw new HttpError(
          400,
          'INVALID_REQUEST',
          `"${field}" is not a field of ${mode} ${path}.`,
        );
      }
    }
    if (isRecord(body.style)) {
      const styles = STYLE_FIELDS[path] ?? [];
      for (const field of Object.keys(body.style)) {
        if (!styles.includes(field)) {
          throw new HttpError(400, 'INVALID_REQUEST', `"style.${field}" is not a ${path} style.`);
        }
      }
    }
  }

  function muralOf(id: string, userId: string): MuralRecord {
    const mural = murals.get(id);
    if (!mural) throw new HttpError(404, 'MURAL_NOT_FOUND', `Mural ${id} not found.`);
    mural.members.add(userId);
    return mural;
  }

  function page<T>(items: T[], url: URL): { value: T[]; next?: string } {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? MAX_PAGE) || MAX_PAGE, MAX_PAGE);
    const next = url.searchParams.get('next');
    const start = next === null ? 0 : Number(Buffer.from(next, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) {
      throw new HttpError(400, 'INVALID_REQUEST', 'Bad "next" token.');
    }
    const value = items.slice(start, start + limit);
    const end = start + value.length;
    return end < items.length
      ? { value, next: Buffer.from(String(end), 'utf8').toString('base64url') }
      : { value };
  }

  function checkTags(mural: MuralRecord, tags: unknown): string[] {
    if (!Array.isArray(tags) || !tags.every((t): t is string => typeof t === 'string')) {
      throw new HttpError(400, 'INVALID_REQUEST', '"tags" must be an array of tag ids.');
    }
    for (const id of tags) {
      if (!mural.tags.has(id)) throw new HttpError(400, 'INVALID_REQUEST', `Unknown tag ${id}.`);
    }
    return [...new Set(tags)];
  }

  function checkParent(mural: MuralRecord, parentId: unknown, self?: string): string | null {
    if (parentId === undefined || parentId === null) return null;
    const parent = typeof parentId === 'string' ? mural.widgets.get(parentId) : undefined;
    if (!parent || parent.type !== 'area' || parentId === self) {
      throw new HttpError(400, 'INVALID_REQUEST', `"parentId" ${String(parentId)} is not an area.`);
    }
    return parentId as string;
  }

  function applyFields(mural: MuralRecord, w: WidgetRecord, body: Record<string, unknown>): void {
    if ('x' in body) w.x = num(body.x, 'x');
    if ('y' in body) w.y = num(body.y, 'y');
    if ('width' in body) w.width = num(body.width, 'width');
    if ('height' in body) w.height = num(body.height, 'height');
    if (typeof body.text === 'string') {
      w.text = body.text;
      w.htmlText = htmlOf(body.text);
    } else if (typeof body.htmlText === 'string') {
      w.htmlText = body.htmlText;
      w.text = textOfHtml(body.htmlText);
    }
    if (typeof body.title === 'string') w.title = body.title;
    if (typeof body.shape === 'string') w.shape = body.shape;
    if (typeof body.hidden === 'boolean') w.hidden = body.hidden;
    if (typeof body.locked === 'boolean') w.locked = body.locked;
    if ('style' in body) {
      if (!isRecord(body.style)) throw new HttpError(400, 'INVALID_REQUEST', '"style" object.');
      w.style = { ...w.style, ...body.style };
    }
    // The whole list is replaced, as MURAL does.
    if ('tags' in body) w.tags = checkTags(mural, body.tags);
    if ('parentId' in body) w.parentId = checkParent(mural, body.parentId, w.id);
    w.updatedOn = Date.now();
  }

  function createWidget(
    mural: MuralRecord,
    path: string,
    body: unknown,
    userId: string,
  ): WidgetRecord {
    const type = CREATE_PATHS[path]!;
    if (!isRecord(body)) throw new HttpError(400, 'INVALID_REQUEST', 'Each widget is an object.');
    checkFields(path, body, 'create');
    for (const field of reject) {
      if (field in body) {
        throw new HttpError(400, 'INVALID_REQUEST', `"${field}" is not allowed on create.`);
      }
    }
    const w: WidgetRecord = {
      id: nextId(),
      type,
      x: num(body.x, 'x'),
      y: num(body.y, 'y'),
      width: num(body.width, 'width', type === 'sticky note' ? 138 : 200),
      height: num(body.height, 'height', type === 'sticky note' ? 138 : 100),
      parentId: null,
      text: '',
      htmlText: '',
      title: '',
      shape: type === 'sticky note' ? 'rectangle' : type === 'shape' ? 'rectangle' : '',
      style: type === 'sticky note' ? { backgroundColor: '#FCFE7DFF' } : {},
      tags: [],
      hidden: false,
      locked: false,
      createdBy: userId,
      updatedBy: userId,
      updatedOn: Date.now(),
    };
    if (type === 'arrow') Object.assign(w, checkArrow(mural, body));
    applyFields(mural, w, body);
    checkBounds(mural, w);
    return w;
  }

  /**
   * An arrow's create body (reference createarrow; see ARROW_TYPES): `x`, `y`, `width`, `height`
   * and `points` are required (public clients of the reference mark them so); the points lie in
   * the arrow's box, relative to its top-left (the reference does not say what a point outside it
   * means: refused); `startRefId` and `endRefId` name widgets on this mural other than an arrow
   * ("The ID of the widget that the start point is connected to").
   */
  function checkArrow(mural: MuralRecord, body: Record<string, unknown>): ArrowFields {
    const bad = (message: string) => new HttpError(400, 'INVALID_REQUEST', message);
    for (const field of ['x', 'y', 'width', 'height', 'points'])
      if (!(field in body)) throw bad(`"${field}" is required to create an arrow.`);
    const width = num(body.width, 'width');
    const height = num(body.height, 'height');
    if (!Array.isArray(body.points) || body.points.length < 2)
      throw bad('"points" needs at least two points.');
    const points = body.points.map((p, i) => {
      if (!isRecord(p) || typeof p.x !== 'number' || typeof p.y !== 'number')
        throw bad(`"points[${i}]" is not a point { x, y }.`);
      if (p.x < 0 || p.y < 0 || p.x > width || p.y > height)
        throw bad(`"points[${i}]" (${p.x}, ${p.y}) is outside the arrow's ${width}×${height} box.`);
      return { x: p.x, y: p.y };
    });
    const ref = (field: 'startRefId' | 'endRefId'): string | null => {
      const id = body[field];
      if (id === undefined || id === null) return null;
      const target = typeof id === 'string' ? mural.widgets.get(id) : undefined;
      if (!target || target.type === 'arrow')
        throw bad(`"${field}" ${String(id)} is not a widget on this mural.`);
      return id as string;
    };
    const arrowType = body.arrowType ?? 'straight';
    if (typeof arrowType !== 'string' || !ARROW_TYPES.includes(arrowType))
      throw bad(`"arrowType" must be one of ${ARROW_TYPES.join(', ')}.`);
    const tip = body.tip ?? 'single';
    if (typeof tip !== 'string' || !ARROW_TIPS.includes(tip))
      throw bad(`"tip" must be one of ${ARROW_TIPS.join(', ')}.`);
    if (isRecord(body.style)) {
      const { strokeColor, strokeStyle, strokeWidth } = body.style;
      if (strokeColor !== undefined && !/^#[0-9a-f]{8}$/i.test(String(strokeColor)))
        throw bad('"style.strokeColor" is a colour in hex with alpha (#RRGGBBAA).');
      if (strokeStyle !== undefined && !STROKE_STYLES.includes(String(strokeStyle)))
        throw bad(`"style.strokeStyle" must be one of ${STROKE_STYLES.join(', ')}.`);
      if (
        strokeWidth !== undefined &&
        (typeof strokeWidth !== 'number' ||
          strokeWidth < STROKE_WIDTH.min ||
          strokeWidth > STROKE_WIDTH.max)
      )
        throw bad(`"style.strokeWidth" is ${STROKE_WIDTH.min} to ${STROKE_WIDTH.max}.`);
    }
    return { points, startRefId: ref('startRefId'), endRefId: ref('endRefId'), arrowType, tip };
  }

  function parentChainOk(mural: MuralRecord, w: WidgetRecord): boolean {
    const seen = new Set<string>();
    for (let p = w.parentId; p !== null; p = mural.widgets.get(p)?.parentId ?? null) {
      if (seen.has(p) || p === w.id) return false;
      seen.add(p);
    }
    return true;
  }

  async function route(
    req: IncomingMessage,
    url: URL,
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const path = url.pathname.slice(API_PREFIX.length);
    const method = req.method ?? 'GET';

    if (method === 'GET' && path === '/authorization/oauth2/') {
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri');
      const state = q.get('state');
      const challenge = q.get('code_challenge');
      if (!redirectUri || !state || !challenge || q.get('code_challenge_method') !== 'S256') {
        throw new HttpError(400, 'invalid_request', 'PKCE S256, state and redirect_uri needed.');
      }
      if (q.get('client_id') !== app.clientId) {
        throw new HttpError(400, 'invalid_client', 'Unknown client_id.');
      }
      const code = `c-${randomUUID()}`;
      codes.set(code, {
        challenge,
        redirectUri,
        userId: approveAs.id,
        scopes: new Set((q.get('scope') ?? '').split(' ').filter(Boolean)),
      });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', state);
      return { status: 302, headers: { location: back.toString() } };
    }

    if (method === 'POST' && path === '/authorization/oauth2/token') {
      const form = new URLSearchParams(await readBody(req));
      const grant = form.get('grant_type');
      const fail = (error: string, status = 400) => ({ status, body: { error } });
      // app-credentials: the secret is required on both grants of a confidential registration;
      // RFC 6749 §5.2 answers a failed client authentication with 401 invalid_client.
      if (form.get('client_id') !== app.clientId) return fail('invalid_client', 401);
      if (app.kind === 'confidential' && form.get('client_secret') !== app.clientSecret) {
        return fail('invalid_client', 401);
      }
      let granted: { userId: string; scopes: Set<string> } | undefined;
      if (grant === 'authorization_code') {
        const code = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!code) return fail('invalid_grant');
        const verifier = form.get('code_verifier') ?? '';
        const derived = createHash('sha256').update(verifier).digest('base64url');
        if (derived !== code.challenge || form.get('redirect_uri') !== code.redirectUri) {
          return fail('invalid_grant');
        }
        granted = { userId: code.userId, scopes: code.scopes };
      } else if (grant === 'refresh_token') {
        const token = form.get('refresh_token') ?? '';
        granted = refresh.get(token);
        // oauth: "responds with a new access token and new refresh token" — the old one is spent.
        refresh.delete(token);
        if (!granted) return fail('invalid_grant');
      } else return fail('unsupported_grant_type');
      const { accessToken, refreshToken } = issue(granted.userId, granted.scopes);
      return {
        status: 200,
        body: {
          access_token: accessToken,
          refresh_token: refreshToken,
          token_type: 'Bearer',
          expires_in: ttl,
        },
      };
    }

    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const session = auth === undefined ? undefined : access.get(auth);
    if (!session) throw new HttpError(401, 'UNAUTHORIZED', 'Missing or unknown token.');
    if (session.expired) {
      stats.tokenExpired += 1;
      throw new HttpError(401, 'TOKEN_EXPIRED', 'The access token has expired.');
    }
    const userId = session.userId;
    /** Each reference page names the scope it needs; a token without it is refused. */
    const need = (scope: string): void => {
      if (!session.scopes.has(scope)) {
        throw new HttpError(403, 'FORBIDDEN', `This request needs the ${scope} scope.`);
      }
    };

    // MURAL's per-user limit: a sliding second.
    const now = Date.now();
    const times = (recent.get(userId) ?? []).filter((t) => t > now - 1000);
    if (times.length >= ratePerSecond) {
      stats.rateLimited += 1;
      recent.set(userId, times);
      return {
        status: 429,
        body: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests.' },
        headers: {
          'x-ratelimit-limit': String(ratePerSecond),
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(times[0]! + 1000),
        },
      };
    }
    times.push(now);
    recent.set(userId, times);
    const rateHeaders = {
      'x-ratelimit-limit': String(ratePerSecond),
      'x-ratelimit-remaining': String(ratePerSecond - times.length),
      'x-ratelimit-reset': String(times[0]! + 1000),
    };
    const ok = (body: unknown, status = 200) => ({ status, body, headers: rateHeaders });

    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const readJson = async (): Promise<unknown> => {
      try {
        return JSON.parse(await readBody(req)) as unknown;
      } catch {
        throw new HttpError(400, 'INVALID_REQUEST', 'The body is not JSON.');
      }
    };

    if (method === 'GET' && path === '/users/me') {
      need('identity:read');
      const user = users.get(userId)!;
      return ok({ value: { id: user.id, firstName: user.firstName, lastName: user.lastName } });
    }
    if (method === 'GET' && path === '/workspaces') {
      need('workspaces:read');
      return ok(page([WORKSPACE], url));
    }
    if (method === 'GET' && parts[0] === 'workspaces' && parts[2] === 'rooms') {
      need('rooms:read');
      return ok(
        page(
          ROOMS.filter((r) => r.workspaceId === parts[1]),
          url,
        ),
      );
    }
    if (method === 'GET' && parts[0] === 'rooms' && parts[2] === 'murals') {
      need('murals:read');
      const list = [...murals.values()]
        .filter((m) => m.roomId === parts[1])
        .map(({ id, title, roomId, workspaceId }) => ({ id, title, roomId, workspaceId }));
      return ok(page(list, url));
    }
    if (parts[0] !== 'murals' || parts[1] === undefined) {
      throw new HttpError(404, 'NOT_FOUND', `No route ${method} ${path}.`);
    }
    const [, , section, a, b, c] = parts;
    // reference getmuralusers needs users:read; the other mural routes murals:read or :write.
    need(section === 'users' ? 'users:read' : method === 'GET' ? 'murals:read' : 'murals:write');
    const mural = muralOf(parts[1], userId);

    if (section === undefined && method === 'GET') {
      const { id, title, roomId, workspaceId, size } = mural;
      return ok({
        value: {
          id,
          title,
          roomId,
          workspaceId,
          width: size.width,
          height: size.height,
          infinite: size.infinite === true,
        },
      });
    }
    if (section === 'users' && method === 'GET') {
      const list = [...mural.members].map((id) => users.get(id)!).filter(Boolean);
      return ok(page(list, url));
    }
    if (section === 'tags') {
      if (method === 'GET' && a === undefined) return ok(page([...mural.tags.values()], url));
      if (method === 'POST' && a === undefined) {
        const body = await readJson();
        if (!isRecord(body) || typeof body.text !== 'string' || body.text.trim() === '') {
          throw new HttpError(400, 'INVALID_REQUEST', 'A tag needs "text".');
        }
        if (body.text.length > MAX_TAG_TEXT) {
          throw new HttpError(400, 'INVALID_REQUEST', `Tag text is over ${MAX_TAG_TEXT} chars.`);
        }
        const tag: TagRecord = {
          id: nextId(),
          text: body.text,
          backgroundColor:
            typeof body.backgroundColor === 'string' ? body.backgroundColor : '#E8E8E8',
          borderColor: typeof body.borderColor === 'string' ? body.borderColor : '#E8E8E8',
          color: typeof body.color === 'string' ? body.color : '#000000',
        };
        mural.tags.set(tag.id, tag);
        return ok({ value: tag }, 201);
      }
      const tag = a === undefined ? undefined : mural.tags.get(a);
      if (!tag) throw new HttpError(404, 'TAG_NOT_FOUND', `Tag ${String(a)} not found.`);
      if (method === 'PATCH') {
        const body = await readJson();
        if (isRecord(body) && typeof body.text === 'string') {
          if (body.text.length > MAX_TAG_TEXT) {
            throw new HttpError(400, 'INVALID_REQUEST', `Tag text is over ${MAX_TAG_TEXT} chars.`);
          }
          tag.text = body.text;
        }
        return ok({ value: tag });
      }
      if (method === 'DELETE') {
        mural.tags.delete(tag.id);
        for (const w of mural.widgets.values()) w.tags = w.tags.filter((t) => t !== tag.id);
        return ok(undefined, 204);
      }
    }
    if (section === 'voting-sessions' && method === 'POST') {
      // Reference startmuralvotingsession: POST …/voting-sessions/start with `title`,
      // `numberOfVotes`, `widgetTypes`, `anyoneCanEnd`, `area`; endmuralvotingsession: POST
      // …/voting-sessions/end; votewidgetmuralvotingsession: POST …/voting-sessions/vote/{widgetId},
      // "a vote for a widget in the active voting session". The docs do not say what happens with
      // a second session, a vote over the allowance or with no session; the double refuses each
      // (strictest reading), and keeps who voted to itself: no route returns it.
      const active = mural.voting.find((s) => s.status === 'active');
      if (a === 'start') {
        const body = await readJson();
        if (!isRecord(body)) throw new HttpError(400, 'INVALID_REQUEST', 'Body must be an object.');
        const allowed = ['title', 'numberOfVotes', 'widgetTypes', 'anyoneCanEnd', 'area'];
        const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
        if (unknown.length > 0)
          throw new HttpError(400, 'INVALID_REQUEST', `Unknown properties: ${unknown.join(', ')}.`);
        const votes = body.numberOfVotes;
        if (votes !== undefined && (!Number.isInteger(votes) || (votes as number) < 1))
          throw new HttpError(
            400,
            'INVALID_REQUEST',
            '"numberOfVotes" must be a positive integer.',
          );
        if (active)
          throw new HttpError(409, 'VOTING_SESSION_ACTIVE', 'A voting session is already running.');
        const session: VotingSession = {
          id: nextId(),
          title: typeof body.title === 'string' ? body.title : '',
          status: 'active',
          results: [],
          numberOfVotes: typeof votes === 'number' ? votes : null,
          ballots: new Map(),
        };
        mural.voting.push(session);
        return ok({ value: { id: session.id, title: session.title, status: session.status } }, 201);
      }
      if (a === 'end' && b === undefined) {
        if (!active) throw new HttpError(404, 'NOT_FOUND', 'No voting session is running.');
        active.status = 'closed';
        return ok({ value: { id: active.id, title: active.title, status: active.status } });
      }
      if (a === 'vote' && b !== undefined) {
        if (!active) throw new HttpError(404, 'NOT_FOUND', 'No voting session is running.');
        if (!mural.widgets.has(b)) throw new HttpError(404, 'NOT_FOUND', 'No such widget.');
        const ballots = (active.ballots ??= new Map());
        const mine = ballots.get(userId) ?? [];
        if (active.numberOfVotes != null && mine.length >= active.numberOfVotes)
          throw new HttpError(400, 'VOTES_EXHAUSTED', 'You have no votes left in this session.');
        ballots.set(userId, [...mine, b]);
        const totals = new Map<string, { votes: number; voters: Set<string> }>();
        for (const [voter, picks] of ballots)
          for (const widgetId of picks) {
            const t = totals.get(widgetId) ?? { votes: 0, voters: new Set<string>() };
            t.votes += 1;
            t.voters.add(voter);
            totals.set(widgetId, t);
          }
        active.results = [...totals].map(([widgetId, t]) => ({
          widgetId,
          totalVotes: t.votes,
          uniqueVoters: t.voters.size,
        }));
        return ok(undefined, 204);
      }
    }
    if (section === 'voting-sessions' && method === 'DELETE' && a !== undefined) {
      // Reference deletemuralvotingsessionbyid.
      const at = mural.voting.findIndex((s) => s.id === a);
      if (at < 0) throw new HttpError(404, 'NOT_FOUND', 'No such session.');
      mural.voting.splice(at, 1);
      return ok(undefined, 204);
    }
    if (section === 'voting-sessions' && method === 'GET') {
      if (a === undefined) {
        return ok(
          page(
            mural.voting.map(({ id, title, status }) => ({ id, title, status })),
            url,
          ),
        );
      }
      const session = mural.voting.find((s) => s.id === a);
      if (!session || b !== 'results') throw new HttpError(404, 'NOT_FOUND', 'No such session.');
      return ok(page(session.results, url));
    }
    if (section === 'widgets') {
      if (method === 'GET' && a === undefined) {
        const names = url.searchParams.get('type')?.split(',');
        const types = names?.flatMap((name) => {
          const matched = TYPE_FILTERS[name];
          if (!matched) {
            throw new HttpError(
              400,
              'INVALID_REQUEST',
              `Unknown widget type filter "${name}" (${Object.keys(TYPE_FILTERS).join(', ')}).`,
            );
          }
          return matched;
        });
        const parentId = url.searchParams.get('parentId');
        const list = [...mural.widgets.values()].filter(
          (w) =>
            (types === undefined || types.includes(w.type)) &&
            (parentId === null || w.parentId === parentId),
        );
        return ok(page(list, url));
      }
      if (method === 'GET' && a !== undefined && b === undefined) {
        const w = mural.widgets.get(a);
        if (!w) throw new HttpError(404, 'WIDGET_NOT_FOUND', `Widget ${a} not found.`);
        return ok({ value: w });
      }
      if (method === 'POST' && a !== undefined && b === undefined && a in CREATE_PATHS) {
        const type = CREATE_PATHS[a]!;
        const body = await readJson();
        if (type === 'area' || type === 'arrow') {
          // Areas and arrows: one object per request (reference createarea, createarrow).
          if (Array.isArray(body)) {
            throw new HttpError(400, 'INVALID_REQUEST', `Create one ${type} per request.`);
          }
          const w = createWidget(mural, a, body, userId);
          mural.widgets.set(w.id, w);
          return ok({ value: w }, 201);
        }
        if (!Array.isArray(body) || body.length === 0 || body.length > MAX_CREATE) {
          throw new HttpError(400, 'INVALID_REQUEST', `Send an array of 1 to ${MAX_CREATE}.`);
        }
        // All or nothing: validate every item before storing any.
        const made = body.map((item) => createWidget(mural, a, item, userId));
        for (const w of made) mural.widgets.set(w.id, w);
        return ok({ value: made }, 201);
      }
      if (method === 'PATCH' && a !== undefined && b !== undefined && c === undefined) {
        const type = CREATE_PATHS[a];
        const w = mural.widgets.get(b);
        if (!w) throw new HttpError(404, 'WIDGET_NOT_FOUND', `Widget ${b} not found.`);
        if (type !== w.type) {
          throw new HttpError(400, 'INVALID_REQUEST', `Widget ${b} is a ${w.type}, not ${a}.`);
        }
        const body = await readJson();
        if (!isRecord(body)) throw new HttpError(400, 'INVALID_REQUEST', 'Send an object.');
        checkFields(a, body, 'update');
        const before = { ...w };
        applyFields(mural, w, body);
        w.updatedBy = userId;
        if (!parentChainOk(mural, w)) {
          Object.assign(w, before);
          throw new HttpError(400, 'INVALID_REQUEST', 'Areas cannot contain themselves.');
        }
        try {
          checkBounds(mural, w);
        } catch (error) {
          Object.assign(w, before);
          throw error;
        }
        return ok({ value: w });
      }
      if (method === 'DELETE' && a !== undefined && b === undefined) {
        const w = mural.widgets.get(a);
        if (!w) throw new HttpError(404, 'WIDGET_NOT_FOUND', `Widget ${a} not found.`);
        mural.widgets.delete(a);
        // Unknown in MURAL's docs: arrows connected to the widget stay, still naming it (the
        // strictest reading: a client that wants them gone deletes them itself).
        // Unknown in MURAL's docs; here an area's children stay where they were, one level up.
        for (const child of mural.widgets.values()) {
          if (child.parentId === a) {
            child.parentId = w.parentId;
            child.x += w.x;
            child.y += w.y;
          }
        }
        return ok(undefined, 204);
      }
    }
    throw new HttpError(404, 'NOT_FOUND', `No route ${method} ${path}.`);
  }

  const server = createServer((req, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // The page runs on another origin in the browser test; MURAL has a per-app CORS allowlist.
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
      'access-control-expose-headers':
        'x-ratelimit-remaining, x-ratelimit-reset, x-ratelimit-limit',
    };
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      const finish = (): void => {
        const payload = body === undefined ? '' : JSON.stringify(body);
        res.writeHead(status, {
          ...cors,
          ...headers,
          ...(payload ? { 'content-type': 'application/json' } : {}),
        });
        res.end(payload);
      };
      if (latencyMs > 0) setTimeout(finish, latencyMs);
      else finish();
    };
    if (req.method === 'OPTIONS') return send(204, undefined);
    // The mural's own page, for the embedded view: a plain drawing of its widgets.
    const view = /^\/t\/([^/]+)\/m\/([^/]+)\/(\d+)\/?$/.exec(url.pathname);
    if (req.method === 'GET' && view) {
      const mural = murals.get(`${decodeURIComponent(view[2]!)}.${view[3]!}`);
      // Never cached: the test reloads the page to see widgets made since the first look.
      res.writeHead(mural ? 200 : 404, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(mural ? renderMural(mural) : 'No such mural');
      return;
    }
    if (!url.pathname.startsWith(API_PREFIX)) return send(404, { code: 'NOT_FOUND' });
    stats.requests += 1;
    const key = `${req.method ?? ''} ${url.pathname.slice(API_PREFIX.length).replace(/\/[^/]*\d[^/]*/g, '/:id')}`;
    stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;
    route(req, url).then(
      (r) => send(r.status, r.body, r.headers),
      (error: unknown) => {
        if (error instanceof HttpError) {
          send(error.status, { code: error.code, message: error.message });
        } else {
          send(500, { code: 'INTERNAL', message: String(error) });
        }
      },
    );
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    apiBase: `${origin}${API_PREFIX}`,
    stats,
    app,
    createMural(title = 'Journey workshop', roomId = ROOMS[0]!.id, size = DEFAULT_MURAL_SIZE) {
      const room = ROOMS.find((r) => r.id === roomId) ?? ROOMS[0]!;
      const id = `${room.workspaceId}.${1_000_000_000_000 + murals.size + 1}`;
      murals.set(id, {
        id,
        title,
        roomId: room.id,
        workspaceId: room.workspaceId,
        widgets: new Map(),
        tags: new Map(),
        voting: [],
        members: new Set(),
        size,
      });
      return id;
    },
    issueToken(user, scopes = ALL_SCOPES) {
      users.set(user.id, user);
      return issue(user.id, new Set(scopes));
    },
    expireAccessTokens() {
      for (const session of access.values()) session.expired = true;
    },
    addVotingSession(muralId, session) {
      const id = nextId();
      murals.get(muralId)?.voting.push({ id, ...session });
      return id;
    },
    widgets: (muralId) => [...(murals.get(muralId)?.widgets.values() ?? [])],
    tags: (muralId) => [...(murals.get(muralId)?.tags.values() ?? [])],
    setLatency(ms) {
      latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
