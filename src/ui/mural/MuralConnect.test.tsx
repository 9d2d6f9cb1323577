import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MuralConnect, type MuralConnectProps, type MuralConnectService } from './MuralConnect';

function fakeService(over: Partial<MuralConnectService> = {}): MuralConnectService {
  return {
    path: { mode: 'browser' },
    redirectUri: 'https://touchpoint.example/mural.html',
    settings: vi.fn(async () => ({ clientId: 'built-in', origin: 'https://app.mural.co' })),
    saveSettings: vi.fn(async () => undefined),
    signInUrl: vi.fn(async () => 'https://app.mural.co/authorize?x'),
    workspaces: vi.fn(async () => [{ id: 'ws', name: 'Acme' }]),
    rooms: vi.fn(async () => [{ id: 'r1', name: 'Journeys' }]),
    murals: vi.fn(async () => [{ id: 'ws.17', name: 'Onboarding' }]),
    signOut: vi.fn(async () => undefined),
    ...over,
  };
}

const props = (over: Partial<MuralConnectProps>): MuralConnectProps => ({
  service: fakeService(),
  signedIn: false,
  navigate: vi.fn(),
  onOpen: vi.fn(),
  onSignedOut: vi.fn(),
  parseMuralUrl: (text) => (text.includes('/m/') ? 'ws.99' : null),
  ...over,
});

afterEach(cleanup);

describe('MuralConnect', () => {
  it('saves the client id and address, then goes to MURAL to sign in', async () => {
    const p = props({});
    render(<MuralConnect {...p} />);
    const clientId = screen.getByLabelText('Client id of your MURAL app');
    await waitFor(() => expect(clientId).toHaveProperty('value', 'built-in'));
    fireEvent.input(clientId, { target: { value: 'my-app' } });
    fireEvent.input(screen.getByLabelText('MURAL address'), {
      target: { value: 'https://mural.example' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with MURAL' }));
    await waitFor(() =>
      expect(p.navigate).toHaveBeenCalledWith('https://app.mural.co/authorize?x'),
    );
    expect(p.service.saveSettings).toHaveBeenCalledWith({
      clientId: 'my-app',
      origin: 'https://mural.example',
    });
  });

  it('says which sign-in path is in use and what a client id is', async () => {
    render(<MuralConnect {...props({})} />);
    expect(screen.getByText(/from this browser only/)).toBeTruthy();
    expect(screen.getByText('What is a client id?')).toBeTruthy();
    expect(screen.getByText('https://touchpoint.example/mural.html')).toBeTruthy();
    cleanup();
    const service = fakeService({ path: { mode: 'proxy' } });
    render(<MuralConnect {...props({ service })} />);
    expect(screen.getByText(/through this site’s token proxy/)).toBeTruthy();
    const clientId = screen.getByLabelText('Client id of your MURAL app');
    expect(clientId).toHaveProperty('readOnly', true);
    // MURAL's address is the server's too: no Advanced section to change it.
    expect(screen.queryByText('Advanced')).toBeNull();
  });

  it('shows why sign in could not start', async () => {
    const service = fakeService({
      signInUrl: async () => {
        throw new Error('Enter the client id of your MURAL app first.');
      },
    });
    const p = props({ service });
    render(<MuralConnect {...p} />);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Sign in with MURAL' })).toHaveProperty(
        'disabled',
        false,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with MURAL' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Enter the client id of your MURAL app first.',
    );
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('picks workspace → room → mural, or opens a pasted URL', async () => {
    const p = props({ signedIn: true });
    render(<MuralConnect {...p} />);
    const workspace = await screen.findByLabelText('Workspace');
    // The only workspace is chosen for you.
    await waitFor(() => expect(workspace).toHaveProperty('value', 'ws'));
    const room = screen.getByLabelText('Room');
    await waitFor(() => expect(room).toHaveProperty('disabled', false));
    fireEvent.change(room, { target: { value: 'r1' } });
    const mural = screen.getByLabelText('Mural', { exact: true });
    await waitFor(() => expect(mural).toHaveProperty('disabled', false));
    fireEvent.change(mural, { target: { value: 'ws.17' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open mural' }));
    expect(p.onOpen).toHaveBeenCalledWith('ws.17');

    const pasted = screen.getByLabelText('Or paste a mural URL');
    fireEvent.input(pasted, { target: { value: 'not a url' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open pasted mural' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringMatching(/not a mural URL/),
    );
    fireEvent.input(pasted, { target: { value: 'https://app.mural.co/t/ws/m/ws/99/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open pasted mural' }));
    expect(p.onOpen).toHaveBeenLastCalledWith('ws.99');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(p.onSignedOut).toHaveBeenCalled());
  });
});
