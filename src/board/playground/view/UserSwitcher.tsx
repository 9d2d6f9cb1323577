import type { LocalUser } from '../sdk/local-board-types';

export interface UserSwitcherProps {
  users: readonly LocalUser[];
  userId: string;
  onUserChange?: (id: string) => void;
}

/** Initials from the first letters of the first two words ("Alex (facilitator)" → "AF"). */
const initials = (name: string): string =>
  name
    .split(/\s+/)
    .map((word) => /\p{L}/u.exec(word)?.[0])
    .filter((letter): letter is string => letter !== undefined)
    .slice(0, 2)
    .join('')
    .toUpperCase() || '?';

/** Which simulated participant is acting on the board, with a compact switcher. */
export function UserSwitcher({ users, userId, onUserChange }: UserSwitcherProps) {
  const current = users.find((u) => u.id === userId);
  const name = current?.name ?? userId;
  return (
    <div class="bv-user" data-testid="user-switcher">
      <span class="bv-avatar" aria-hidden="true">
        {initials(name)}
      </span>
      {onUserChange && users.length > 1 ? (
        <select
          class="bv-user-select"
          aria-label="Acting as participant"
          data-testid="user-select"
          value={userId}
          onChange={(e) => onUserChange(e.currentTarget.value)}
        >
          {!current && <option value={userId}>{userId}</option>}
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      ) : (
        <span class="bv-user-name" data-testid="user-name">
          {name}
        </span>
      )}
    </div>
  );
}
