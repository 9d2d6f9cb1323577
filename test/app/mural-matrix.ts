/**
 * The fault matrix on MURAL (issue 10): the local MURAL server double, the real REST client and
 * the MURAL adapter, with faults injected into the client's `fetch` (`withFetchFaults`). Each
 * case gets a mural of its own; every panel is a new client, adapter and queue, as a reopened
 * panel is, signed in as a participant of its own ("a repair from any panel — this one reopened,
 * or another participant's"). MURAL counts its 25 requests a second per user, and the matrix
 * runs in seconds what a workshop does in minutes: one user for all would spend one second's
 * budget on panels a person could never open within that second.
 */
import { createMuralBoard, MURAL_ADAPTER_QUEUE_OPTIONS } from '../../src/board/mural/adapter';
import { createMuralClient } from '../../src/board/mural/client';
import { markerPrint } from '../../src/board/mural/markers';
import {
  indexState,
  isStateArea,
  isStateWidget,
  STATE_AREA_TITLE,
  stateId,
} from '../../src/board/mural/shared-state';
import { boardOrigin, kindOf, parseWidgets } from '../../src/board/mural/widgets';
import { createWriteQueue } from '../../src/board/write-queue';
import { withFetchFaults } from '../fakes/faults';
import {
  DEFAULT_MURAL_SIZE,
  startMuralServer,
  type MuralServer,
  type WidgetRecord,
} from '../mural-server/server';
import type { MatrixPlatform, MatrixWorld } from './fault-matrix';

let server: Promise<MuralServer> | null = null;
let worlds = 0;

/** One server for every case (started on first use); `closeMuralMatrix` stops it. */
const serverOf = (): Promise<MuralServer> => (server ??= startMuralServer());

export async function closeMuralMatrix(): Promise<void> {
  const running = server;
  server = null;
  if (running) await (await running).close();
}

/**
 * The mural as lines, like the Miro matrix's `boardLines`: one per widget the panel shows (type,
 * text or area title, absolute box, parent area, tag titles, colour, Touchpoint's marker as a
 * panel reads it: by id, or through the intent a closed panel left), and one per tag. The data
 * area and its entries are storage, as Miro's storage collections are, and are left out; the
 * markers they keep are on the widgets' lines.
 */
function muralLines(srv: MuralServer, muralId: string): string[] {
  const records = srv.widgets(muralId);
  const all = parseWidgets(records);
  const areaIds = new Set(all.filter(isStateArea).map((w) => w.id));
  const json = indexState(all, areaIds).get(stateId('__touchpoint', 'markers'))?.at(-1)?.json;
  const markers = (json === undefined ? {} : JSON.parse(json)) as Record<string, unknown>;
  // Board (0, 0) is the mural's centre (widgets.ts `boardOrigin`).
  const origin = boardOrigin(DEFAULT_MURAL_SIZE);
  const tags = new Map(srv.tags(muralId).map((t) => [t.id, t.text]));
  const byId = new Map(records.map((w) => [w.id, w]));
  const absolute = (w: WidgetRecord) => {
    let { x, y } = w;
    for (let p = w.parentId, d = 0; p !== null && d < 32; d += 1) {
      const area = byId.get(p);
      if (!area) break;
      x += area.x;
      y += area.y;
      p = area.parentId;
    }
    return { x, y };
  };
  const textOf = (w: WidgetRecord): string => {
    if (w.type === 'area') return w.title;
    if (w.type !== 'arrow') return w.text;
    // An arrow: the widgets it joins (by what they are, not their ids) and its path, absolute.
    const end = (id: string | null | undefined) => {
      const target = id ? byId.get(id) : undefined;
      if (!target) return id ? 'gone' : '-';
      const { x, y } = absolute(target);
      return `${target.type}:${target.text}@${Math.round(x)},${Math.round(y)}`;
    };
    const { x, y } = absolute(w);
    const path = (w.points ?? []).map((p) => `${Math.round(x + p.x)},${Math.round(y + p.y)}`);
    return `${end(w.startRefId)} -> ${end(w.endRefId)} [${path.join(' ')}] ${JSON.stringify(w.style)}`;
  };
  const visible = new Set(all.filter((w) => !isStateWidget(w, areaIds)).map((w) => w.id));
  const lines = records
    .filter((w) => visible.has(w.id))
    .map((w) => {
      const { x, y } = absolute(w);
      const rect = { x: x + origin.x, y: y + origin.y, w: w.width, h: w.height };
      const marker = markers[w.id] ?? markers[markerPrint(kindOf(w.type), rect, textOf(w))] ?? null;
      const parent = w.parentId === null ? undefined : byId.get(w.parentId);
      return [
        w.type,
        textOf(w),
        Math.round(x),
        Math.round(y),
        Math.round(w.width),
        Math.round(w.height),
        `in ${parent ? `${parent.type}:${textOf(parent)}` : '-'}`,
        w.tags
          .map((t) => tags.get(t) ?? t)
          .sort()
          .join(','),
        typeof w.style.backgroundColor === 'string' ? w.style.backgroundColor : '',
        JSON.stringify(marker),
      ].join(' | ');
    });
  return [...lines, ...[...tags.values()].map((t) => `tag | ${t}`)].sort();
}

/**
 * Whether a write request goes to Touchpoint's data area (its storage on MURAL): the area's
 * create and lock, and creates, updates and deletes of the widgets inside it.
 */
function storageWrite(srv: MuralServer, muralId: string) {
  return (method: string, url: URL, body: unknown): boolean => {
    const all = parseWidgets(srv.widgets(muralId));
    const areaIds = new Set(all.filter(isStateArea).map((w) => w.id));
    const parts = url.pathname.split('/').map(decodeURIComponent);
    const at = parts.indexOf('widgets');
    if (at < 0) return false;
    const id = method === 'DELETE' ? parts[at + 1] : parts[at + 2];
    if (id !== undefined) {
      const widget = all.find((w) => w.id === id);
      return widget !== undefined && isStateWidget(widget, areaIds);
    }
    const first: unknown = Array.isArray(body) ? body[0] : body;
    if (typeof first !== 'object' || first === null) return false;
    const { parentId, title } = first as { parentId?: unknown; title?: unknown };
    return (
      (typeof parentId === 'string' && areaIds.has(parentId)) ||
      (parts[at + 1] === 'area' && title === STATE_AREA_TITLE)
    );
  };
}

/** A fresh mural with its own facilitator; panels on it through the REST client. */
export const MURAL_PLATFORM: MatrixPlatform = async () => {
  const srv = await serverOf();
  const muralId = srv.createMural('Fault matrix');
  worlds += 1;
  const w = worlds;
  let panels = 0;
  const world: MatrixWorld = {
    panel(plan) {
      panels += 1;
      const user = { id: `u-${w}-${panels}`, firstName: 'Panel', lastName: `${w}.${panels}` };
      const { accessToken } = srv.issueToken(user);
      const faulty = withFetchFaults(
        (input, init) => fetch(input, init),
        plan,
        storageWrite(srv, muralId),
      );
      const client = createMuralClient({
        apiBase: srv.apiBase,
        tokens: {
          accessToken: () => Promise.resolve(accessToken),
          refresh: () => Promise.reject(new Error('No refresh in the matrix.')),
        },
        fetch: faulty.fetch,
      });
      // MURAL's budget as the panel keeps it (real waits); retries at once (no jitter).
      const queue = createWriteQueue({ ...MURAL_ADAPTER_QUEUE_OPTIONS, random: () => 0 });
      const board = createMuralBoard(client, muralId, { pollMs: 60_000, queue });
      return { board, injector: faulty.injector };
    },
    lines: () => Promise.resolve(muralLines(srv, muralId)),
  };
  return world;
};
