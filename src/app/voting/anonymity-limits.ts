/**
 * What an anonymous round does and does not hide, per ballot design (issue 11 §2), in the words
 * the Start form and the round show. Kept beside the design (anonymous-ballots.ts, the MURAL
 * voting session) so a change to one is a change to the other.
 */
import type { Board } from '../../board/port';
import type { AnonymousBallots, VoteRound } from '../../domain/voting/vote-round';

export type AnonymousDesign = AnonymousBallots['kind'];

/** The design a new anonymous round gets on this board. */
export const anonymousDesignOf = (board: Pick<Board, 'platformVoting'>): AnonymousDesign =>
  board.platformVoting ? 'platform' : 'places';

export const canRetract = (round: VoteRound): boolean => round.anonymous?.kind !== 'platform';

export function anonymityLimits(design: AnonymousDesign): string[] {
  switch (design) {
    case 'places':
      return [
        'Your ballot is stored under a random key that only this browser keeps. Nothing stored on the board or in the export names you or says when you voted — not to the facilitator either.',
        'One ballot per browser, not per person: voting from a second device, or after clearing this site’s data, gives a second ballot. Compare the number of ballots with the people in the room.',
        'Someone watching the board’s data at the very moment you vote, while nobody else votes, could guess the change was yours.',
        'You can change your votes from this browser only.',
      ];
    case 'platform':
      return [
        'Votes go to the board’s own voting session: the board counts them and gives apps totals per note only. Nothing Touchpoint stores on the board names you.',
        'The board platform itself knows who voted, as with any of its votes.',
        'A vote cannot be taken back from Touchpoint. Ranked picks and votes on groups are not available in this mode; the cap per note is kept by each voter’s panel.',
        'One voting session runs at a time on the board: end this round before starting another.',
      ];
    case 'recorded':
      return [
        'Imported from a file: only the round’s totals came with it. Its ballots stayed on the board it was exported from.',
      ];
    case 'legacy-hash':
      return [
        'Started by an earlier version of Touchpoint: anyone who reads the board’s data can match these ballots to board members. Start a new anonymous round for a secret ballot.',
      ];
  }
}
