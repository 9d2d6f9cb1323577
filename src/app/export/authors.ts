/**
 * Author names for an export, only when the facilitator allowed them. Notes carry their creator's
 * user id where the platform says (Miro: `createdBy`); names come from the users the board can
 * name (online users and you).
 */
import type { Board, BoardItem } from '../../board/port';

/** Item id → author name. */
export type AuthorsReader = (
  board: Board,
  notes: readonly BoardItem[],
) => Promise<Record<string, string>>;

/** The creator's user id, when the adapter reports one. */
const authorIdOf = (item: BoardItem): string | undefined => item.authorId || undefined;

export const readAuthors: AuthorsReader = async (board, notes) => {
  const withAuthor = notes.filter((n) => authorIdOf(n) !== undefined);
  if (withAuthor.length === 0) return {};
  const [me, online] = await Promise.all([board.currentUser(), board.onlineUsers()]);
  const names = new Map([...online, me].map((u) => [u.id, u.name]));
  const out: Record<string, string> = {};
  for (const note of withAuthor) {
    const name = names.get(authorIdOf(note)!);
    if (name !== undefined) out[note.id] = name;
  }
  return out;
};
