import type { MapSpec } from '../map-spec';

/** A small map for the plan's tests: stages a, b × lanes x, y, with a persona. */
export const sampleSpec: MapSpec = {
  id: 'm1',
  title: 'Onboarding',
  presetId: 'blank',
  persona: { name: 'Alex', summary: 'New customer' },
  stages: [
    { id: 'a', name: 'Awareness' },
    { id: 'b', name: 'Purchase' },
  ],
  lanes: [
    { id: 'x', name: 'Doing', kind: 'actions' },
    { id: 'y', name: 'Feeling', kind: 'emotions' },
  ],
};
