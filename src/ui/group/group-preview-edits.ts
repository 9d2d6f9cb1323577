/**
 * Group tab › editing the preview before it goes on the board: rename, merge, move a note,
 * dissolve, pin and unpin (pure, in domain/clustering), split (the engine on one group), discard.
 */
import type { Signal } from '@preact/signals';
import {
  dissolveGroup,
  mergeGroups,
  moveNote,
  pinGroup,
  renameGroup,
  unpinGroup,
  type GroupingPreview,
} from '../../domain/clustering/grouping-preview';
import { cannotSplitMessage, splitFailedMessage } from './group-messages';
import type { GroupTabContext } from './group-tab-model';

export function createPreviewEdits(tab: GroupTabContext, preview: Signal<GroupingPreview | null>) {
  const { message, busy } = tab;
  const edit = (change: (p: GroupingPreview) => GroupingPreview) => {
    if (preview.value) preview.value = change(preview.value);
  };

  return {
    rename: (groupId: string, label: string) => edit((p) => renameGroup(p, groupId, label)),
    merge: (intoId: string, fromId: string) => edit((p) => mergeGroups(p, intoId, fromId)),
    moveNote: (noteId: string, groupId: string) => edit((p) => moveNote(p, noteId, groupId)),
    dissolve: (groupId: string) => edit((p) => dissolveGroup(p, groupId)),
    pin: (groupId: string) => edit((p) => pinGroup(p, groupId)),
    unpin: (groupId: string) => edit((p) => unpinGroup(p, groupId)),
    async split(groupId: string) {
      const c = tab.connection();
      const current = preview.value;
      if (!c || !current || busy.value) return;
      busy.value = true;
      try {
        const next = await c.split(current, groupId);
        // Edits made meanwhile win over a split of an older preview.
        if (preview.value === current) preview.value = next;
        if (next === current) message.value = cannotSplitMessage;
      } catch (error) {
        message.value = splitFailedMessage(error);
      } finally {
        busy.value = false;
      }
    },
    discard() {
      preview.value = null;
      message.value = null;
    },
  };
}
