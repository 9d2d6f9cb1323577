/**
 * Two participants tagging one note at once (issue 10 §5): Miro replaces a note's whole tag list
 * on sync, so each writer reads back and merges until its own change holds. No tag is lost, in
 * any trial.
 */
import { describe, expect, it } from 'vitest';
import { connectPeer, createPlaygroundBoard } from '../fakes/playground-board';

/** The board, a peer's view of it, and one note carrying `tag`. */
async function noteOnBoard(text: string, tag: string, latencyMs = 0) {
  const { local, board } = createPlaygroundBoard({ latencyMs });
  const peer = connectPeer(local);
  const { ids } = await board.apply([
    {
      op: 'create',
      ref: 'n',
      item: {
        kind: 'note',
        text,
        rect: { x: 0, y: 0, w: 199, h: 228 },
        color: 'yellow',
        tags: [tag],
      },
    },
  ]);
  return { board, peer, id: ids.n! };
}

describe('concurrent tag writes', () => {
  it('two participants tagging one note at once both keep their tag (20 trials)', async () => {
    for (let trial = 0; trial < 20; trial++) {
      // A few ms per call, so both panels read the note before either writes.
      const { board, peer, id } = await noteOnBoard(`Trial ${trial}`, 'Kept', 2);
      // Start one side a little later in some trials, so the writes cross at different points.
      const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const [a, b] = await Promise.all([
        board.apply([{ op: 'tag', id, add: ['Stage · Awareness'] }]),
        delay(trial % 4).then(() => peer.apply([{ op: 'tag', id, add: ['Quick win'] }])),
      ]);
      expect(a.failed).toEqual([]);
      expect(b.failed).toEqual([]);
      const [note] = (await board.listItems(['note'])).filter((n) => n.id === id);
      expect(note!.tags.sort(), `trial ${trial}`).toEqual([
        'Kept',
        'Quick win',
        'Stage · Awareness',
      ]);
    }
  });

  it('a participant removing a tag while another adds one: both changes hold', async () => {
    const { board, peer, id } = await noteOnBoard('N', 'Old');
    await Promise.all([
      board.apply([{ op: 'tag', id: id, remove: ['Old'] }]),
      peer.apply([{ op: 'tag', id: id, add: ['New'] }]),
    ]);
    const [note] = await board.listItems(['note']);
    expect(note!.tags).toEqual(['New']);
  });
});
