/**
 * The connect screen of `mural.html`: which sign-in path is in use (this site's token proxy, or
 * the browser alone), the MURAL app's client id with what it is and where to get one (and, under
 * "Advanced", MURAL's address), sign in, then workspace → room → mural, or a pasted mural URL. It
 * only calls what it is given; the entry wires it to app/mural/connect.ts.
 */
import { errorMessage } from '../../domain/common';
import { useEffect, useState } from 'preact/hooks';
import { Field, controlValue } from '../components/Field';
import { Notice, Spinner } from '../components/Notice';

export interface NamedRef {
  id: string;
  name: string;
}

export interface MuralConnectService {
  /** `proxy`: the site's token proxy holds the client secret; `browser`: PKCE alone, no secret. */
  readonly path: { mode: 'proxy' | 'browser' };
  /** This page's address: the redirect URL to register with the MURAL app. */
  readonly redirectUri: string;
  settings(): Promise<{ clientId: string; origin: string }>;
  saveSettings(settings: { clientId: string; origin: string }): Promise<void>;
  signInUrl(): Promise<string>;
  workspaces(): Promise<NamedRef[]>;
  rooms(workspaceId: string): Promise<NamedRef[]>;
  murals(roomId: string): Promise<NamedRef[]>;
  signOut(): Promise<void>;
}

export interface MuralConnectProps {
  service: MuralConnectService;
  signedIn: boolean;
  /** Sends the browser to MURAL's sign-in page (the entry uses `location.assign`). */
  navigate(url: string): void;
  onOpen(muralId: string): void;
  onSignedOut(): void;
  /** Reads a pasted mural URL or id; null when it is neither. */
  parseMuralUrl(text: string): string | null;
  error?: string | null;
}

const message = (error: unknown): string => errorMessage(error);

export function MuralConnect(props: MuralConnectProps) {
  return (
    <div class="tp-panel mu-connect">
      <h1 class="mu-title">Touchpoint for MURAL</h1>
      {props.error && <Notice tone="error">{props.error}</Notice>}
      {props.signedIn ? <Picker {...props} /> : <SignIn {...props} />}
    </div>
  );
}

function PathNotice({ service }: { service: MuralConnectService }) {
  return service.path.mode === 'proxy' ? (
    <p class="mu-path" data-path="proxy">
      <strong>Sign-in: through this site’s token proxy.</strong> The MURAL app’s client secret,
      which MURAL requires, stays on this site’s server; your browser never sees it.
    </p>
  ) : (
    <p class="mu-path" data-path="browser">
      <strong>Sign-in: from this browser only</strong> (PKCE, no client secret). This works only for
      a MURAL app registration that lets apps sign in without a secret. If MURAL refuses the
      sign-in, run Touchpoint with its token proxy: the README says how.
    </p>
  );
}

function ClientIdHelp({ service }: { service: MuralConnectService }) {
  return (
    <details class="mu-help">
      <summary>What is a client id?</summary>
      <p>
        It names the MURAL app Touchpoint signs in as. Someone with a MURAL account registers the
        app once at developers.mural.co → My apps → Register new app, with this page’s address as
        its redirect URL:
      </p>
      <p>
        <code>{service.redirectUri}</code>
      </p>
      <p>
        MURAL then shows the client id (safe to share) and the client secret (keep it on the server
        that runs Touchpoint, never in a browser).
      </p>
    </details>
  );
}

function SignIn({ service, navigate }: MuralConnectProps) {
  const fixed = service.path.mode === 'proxy';
  const [clientId, setClientId] = useState('');
  const [origin, setOrigin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void service.settings().then((s) => {
      setClientId(s.clientId);
      setOrigin(s.origin);
    });
  }, [service]);

  const signIn = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await service.saveSettings({ clientId, origin });
      navigate(await service.signInUrl());
    } catch (e) {
      setError(message(e));
      setBusy(false);
    }
  };

  return (
    <form class="tp-stack" onSubmit={(e) => void signIn(e)}>
      <p>Connect to MURAL to run the workshop on one of your murals.</p>
      <PathNotice service={service} />
      <Field id="mu-client" label="Client id of your MURAL app">
        <input
          class="input"
          value={clientId}
          onInput={(e) => setClientId(controlValue(e))}
          autoComplete="off"
          readOnly={fixed}
          required
        />
      </Field>
      <ClientIdHelp service={service} />
      {!fixed && (
        <details>
          <summary>Advanced</summary>
          <Field id="mu-origin" label="MURAL address">
            <input
              class="input"
              type="url"
              value={origin}
              onInput={(e) => setOrigin(controlValue(e))}
            />
          </Field>
        </details>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      <div class="tp-actions">
        <button type="submit" class="button button-primary" disabled={busy || clientId === ''}>
          Sign in with MURAL
        </button>
      </div>
    </form>
  );
}

function Picker({ service, onOpen, onSignedOut, parseMuralUrl }: MuralConnectProps) {
  const [workspaces, setWorkspaces] = useState<NamedRef[] | null>(null);
  const [rooms, setRooms] = useState<NamedRef[]>([]);
  const [murals, setMurals] = useState<NamedRef[]>([]);
  const [workspace, setWorkspace] = useState('');
  const [room, setRoom] = useState('');
  const [mural, setMural] = useState('');
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);

  const guard = (p: Promise<void>) => void p.catch((e: unknown) => setError(message(e)));

  useEffect(() => {
    guard(
      service.workspaces().then((list) => {
        setWorkspaces(list);
        if (list.length === 1) setWorkspace(list[0]!.id);
      }),
    );
  }, [service]);
  useEffect(() => {
    setRooms([]);
    setRoom('');
    if (workspace) guard(service.rooms(workspace).then(setRooms));
  }, [service, workspace]);
  useEffect(() => {
    setMurals([]);
    setMural('');
    if (room) guard(service.murals(room).then(setMurals));
  }, [service, room]);

  const openPasted = (event: Event) => {
    event.preventDefault();
    const id = parseMuralUrl(pasted);
    if (id) onOpen(id);
    else setError('That is not a mural URL (…/t/<workspace>/m/<workspace>/<id>/…).');
  };

  if (workspaces === null && !error) return <Spinner label="Reading your workspaces…" />;
  return (
    <div class="tp-stack">
      {error && <Notice tone="error">{error}</Notice>}
      <Field id="mu-ws" label="Workspace">
        <select class="select" value={workspace} onChange={(e) => setWorkspace(controlValue(e))}>
          <option value="">Choose…</option>
          {(workspaces ?? []).map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="mu-room" label="Room">
        <select
          class="select"
          value={room}
          disabled={rooms.length === 0}
          onChange={(e) => setRoom(controlValue(e))}
        >
          <option value="">Choose…</option>
          {rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="mu-mural" label="Mural">
        <select
          class="select"
          value={mural}
          disabled={murals.length === 0}
          onChange={(e) => setMural(controlValue(e))}
        >
          <option value="">Choose…</option>
          {murals.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </Field>
      <div class="tp-actions">
        <button
          type="button"
          class="button button-primary"
          disabled={mural === ''}
          onClick={() => onOpen(mural)}
        >
          Open mural
        </button>
      </div>
      <form class="tp-stack" onSubmit={openPasted}>
        <Field id="mu-url" label="Or paste a mural URL">
          <input
            class="input"
            value={pasted}
            placeholder="https://app.mural.co/t/…/m/…/…"
            onInput={(e) => setPasted(controlValue(e))}
          />
        </Field>
        <div class="tp-actions">
          <button type="submit" class="button button-secondary" disabled={pasted.trim() === ''}>
            Open pasted mural
          </button>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => guard(service.signOut().then(onSignedOut))}
          >
            Sign out
          </button>
        </div>
      </form>
    </div>
  );
}
