/**
 * Vote tab › the start form's "Vote on": what the round votes on (the whole map or board, the
 * selection, a stage, a lane, clusters) and, under it, the stage, lane or map when it needs one.
 */
import type { NamedGroup, VoteContext } from '../../app/voting/vote-items';
import type { RoundTargetKind } from '../../domain/voting/vote-round';
import { Field, controlValue, describedByFieldError } from '../components/Field';
import { firstGroupOf, groupChoice, targetChoices, type GroupChoice } from './round-target';
import type { RoundForm } from './round-form-model';

const FIELD_ID = 'tp-round-target';

export function RoundTargetField({
  context,
  selected,
  targetKind,
  refId,
  error,
  onChange,
}: {
  context: VoteContext;
  /** How many notes are selected on the board. */
  selected: number;
  targetKind: RoundTargetKind;
  refId: string;
  /** Why the target will not do, if it will not. */
  error: string | undefined;
  onChange: (patch: Partial<Pick<RoundForm, 'targetKind' | 'refId'>>) => void;
}) {
  const choice = groupChoice(context, targetKind);
  return (
    <Field
      id={FIELD_ID}
      label="Vote on"
      error={error}
      after={
        choice && (
          <GroupPicker
            choice={choice}
            refId={refId}
            error={error}
            onPick={(id) => onChange({ refId: id })}
          />
        )
      }
    >
      <select
        class="select"
        value={targetKind}
        onChange={(e) => {
          const kind = controlValue(e) as RoundTargetKind;
          onChange({ targetKind: kind, refId: firstGroupOf(context, kind) });
        }}
      >
        {targetChoices(context, selected).map((t) => (
          <option key={t.id} value={t.id}>
            {t.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The stage, lane or map to vote on; described by the target's error, where its fix goes. */
function GroupPicker({
  choice,
  refId,
  error,
  onPick,
}: {
  choice: GroupChoice;
  refId: string;
  error: string | undefined;
  onPick: (id: string) => void;
}) {
  return (
    <>
      <label class="tp-sr-only" for="tp-round-group">
        {choice.label}
      </label>
      <select
        id="tp-round-group"
        class="select"
        {...describedByFieldError(FIELD_ID, error)}
        value={refId}
        onChange={(e) => onPick(controlValue(e))}
      >
        {choice.byMap
          ? choice.byMap.map(({ map, items }) => (
              <optgroup key={map.id} label={map.name}>
                {items.map(groupOption)}
              </optgroup>
            ))
          : choice.groups.map(groupOption)}
      </select>
    </>
  );
}

const groupOption = (g: NamedGroup) => (
  <option key={g.id} value={g.id}>
    {g.name} ({g.notes} notes)
  </option>
);
