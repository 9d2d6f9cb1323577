/**
 * `mural.html`: Touchpoint on MURAL, as its own page (MURAL has no in-canvas SDK for apps). The
 * connect screen until a mural is chosen; then the mural beside the same panel, full height.
 */
import { errorMessage } from '../domain/common';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  createMuralConnect,
  describeSignInError,
  discoverSignInPath,
  MURAL_ORIGIN,
  muralUrl,
  parseMuralUrl,
  type MuralConnect,
} from '../app/mural/connect';
import { openLocalStore, openWorkshop, type LocalStore, type Workshop } from '../app/workshop';
import { Notice, Spinner } from '../ui/components/Notice';
import { MuralConnect as ConnectScreen } from '../ui/mural/MuralConnect';
import { WorkshopPanel } from './workshop-panel';
import { endBoot } from './boot';
import { STATE_AREA_TITLE } from '../board/mural/shared-state';
import '../ui/mural/mural.css';

const message = (error: unknown): string => errorMessage(error);

async function main(root: HTMLElement): Promise<void> {
  render(<Spinner label="Opening Touchpoint for MURAL…" />, root);
  endBoot();
  const local = await openLocalStore();
  const redirectUri = `${location.origin}${location.pathname}`;
  const connect = createMuralConnect({
    db: local.db,
    redirectUri,
    // The site's token proxy holds the secret, if it runs one; the page only learns the path.
    path: await discoverSignInPath(location.origin),
    // An id, never a secret, may be built in.
    defaultClientId: (import.meta.env.VITE_MURAL_CLIENT_ID as string | undefined) ?? '',
  });
  let error: string | null = null;
  try {
    if (await connect.finishSignIn(new URL(location.href))) {
      history.replaceState(null, '', redirectUri);
    }
  } catch (e) {
    error = describeSignInError(e, connect.path);
    history.replaceState(null, '', redirectUri);
  }
  const signedIn = await connect.signedIn();
  const chosen = signedIn ? await connect.chosen() : null;
  render(
    <MuralApp connect={connect} local={local} signedIn={signedIn} chosen={chosen} error={error} />,
    root,
  );
}

interface AppProps {
  connect: MuralConnect;
  local: LocalStore;
  signedIn: boolean;
  chosen: string | null;
  error: string | null;
}

function MuralApp(props: AppProps) {
  const { connect, local } = props;
  const [signedIn, setSignedIn] = useState(props.signedIn);
  const [muralId, setMuralId] = useState<string | null>(props.chosen);
  const [error, setError] = useState<string | null>(props.error);
  const [workshop, setWorkshop] = useState<Workshop | null>(null);
  const [refresh, setRefresh] = useState<(() => Promise<void>) | null>(null);
  // Where the mural lives, from the settings; null until read, so the embed never asks a
  // default address (it did: app.mural.co, before every reload's settings were in).
  const [origin, setOrigin] = useState<string | null>(null);
  const [toast, setToast] = useState<string | null>(null);

  useEffect(() => {
    void connect.settings().then(
      (s) => setOrigin(s.origin),
      () => setOrigin(MURAL_ORIGIN),
    );
  }, [connect]);

  useEffect(() => {
    if (!signedIn || muralId === null) return undefined;
    let live = true;
    setWorkshop(null);
    void (async () => {
      try {
        const board = await connect.open(muralId, (_kind, text) => setToast(text));
        const opened = await openWorkshop(board, local);
        await connect.choose(muralId);
        if (!live) return;
        setRefresh(() => () => board.refresh());
        setWorkshop(opened);
      } catch (e) {
        if (!live) return;
        setError(`Could not open mural ${muralId}: ${message(e)}`);
        setMuralId(null);
        setSignedIn(await connect.signedIn());
      }
    })();
    return () => {
      live = false;
    };
  }, [connect, local, signedIn, muralId]);

  const signOut = async () => {
    await connect.signOut();
    setWorkshop(null);
    setMuralId(null);
    setSignedIn(false);
  };

  if (!signedIn || muralId === null) {
    return (
      <ConnectScreen
        service={connect}
        signedIn={signedIn}
        navigate={(url) => location.assign(url)}
        onOpen={(id) => {
          setError(null);
          setMuralId(id);
        }}
        onSignedOut={() => setSignedIn(false)}
        parseMuralUrl={parseMuralUrl}
        error={error}
      />
    );
  }

  const url = origin === null ? null : muralUrl(origin, muralId);
  return (
    <div class="mu-shell">
      <main class="mu-board">
        <div class="mu-bar">
          <span class="mu-bar__name">{workshop?.info.name ?? muralId}</span>
          <button type="button" onClick={() => void refresh?.()} disabled={!refresh}>
            Refresh
          </button>
          {/* The embed shows only where the mural's sharing settings allow framing. */}
          {url && (
            <a href={url} target="_blank" rel="noreferrer">
              Open in MURAL
            </a>
          )}
          <button
            type="button"
            onClick={() => void connect.choose(null).then(() => setMuralId(null))}
          >
            Change mural
          </button>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
        {toast && (
          <div class="mu-notice">
            <Notice tone="info">{toast}</Notice>
          </div>
        )}
        <details class="mu-data">
          <summary>Where Touchpoint keeps its data on this mural</summary>
          <p>
            In one area near the mural’s bottom-right corner, titled “{STATE_AREA_TITLE}”: journey
            maps, groups, vote rounds and actions, as text that everyone on the mural can read.
            Leave it in place. Deleting it resets Touchpoint for everyone on this mural (the notes
            stay; maps, groups and rounds are forgotten).
          </p>
        </details>
        {url ? (
          <iframe class="mu-frame" title="The mural" src={url} />
        ) : (
          <div class="mu-frame" aria-busy="true" />
        )}
      </main>
      <aside class="mu-panel" aria-label="Touchpoint panel">
        {workshop ? <WorkshopPanel workshop={workshop} /> : <Spinner label="Reading the mural…" />}
      </aside>
    </div>
  );
}

void main(document.getElementById('root')!);
