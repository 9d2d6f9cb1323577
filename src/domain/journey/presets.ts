/**
 * Journey-map presets as data (issue 2 §4). A preset is only a starting point: the facilitator
 * edits title, persona, stages and lanes before creating the map.
 */
import type { LaneKind, MapSpec, Persona } from './map-spec';

export interface PresetLane {
  name: string;
  kind: LaneKind;
}

export interface MapPreset {
  id: string;
  name: string;
  description: string;
  defaultTitle: string;
  /** Suggested persona, shown pre-filled; the facilitator may clear it. */
  persona: Persona | null;
  stages: readonly string[];
  lanes: readonly PresetLane[];
}

export const PRESETS: readonly MapPreset[] = [
  {
    id: 'classic',
    name: 'Classic customer journey',
    description:
      'From first hearing of you to recommending you: what customers do, where they meet you, how they feel, what hurts and who owns each step.',
    defaultTitle: 'Customer journey map',
    persona: {
      name: 'Alex, first-time customer',
      summary: 'Wants to get started quickly without surprises.',
    },
    stages: ['Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Retention', 'Advocacy'],
    lanes: [
      { name: 'Customer actions', kind: 'actions' },
      { name: 'Touchpoints', kind: 'touchpoints' },
      { name: 'Emotions', kind: 'emotions' },
      { name: 'Pain points', kind: 'pain_points' },
      { name: 'Opportunities', kind: 'opportunities' },
      { name: 'Owning team', kind: 'owner' },
    ],
  },
  {
    id: 'service-blueprint',
    name: 'Service blueprint',
    description:
      'What the customer does, what they see of you, what happens behind the scenes, and the systems and evidence that support it.',
    defaultTitle: 'Service blueprint',
    persona: {
      name: 'Sam, returning customer',
      summary: 'Uses the service weekly and expects it to just work.',
    },
    stages: ['Discover', 'Sign up', 'Use', 'Get help', 'Renew'],
    lanes: [
      { name: 'Customer actions', kind: 'actions' },
      { name: 'Frontstage', kind: 'frontstage' },
      { name: 'Backstage', kind: 'backstage' },
      { name: 'Support processes', kind: 'support' },
      { name: 'Evidence', kind: 'evidence' },
    ],
  },
  {
    id: 'b2b-buying',
    name: 'B2B buying journey',
    description:
      'How a buying group moves from a problem to a decision: their jobs, questions and doubts, and where your teams can help.',
    defaultTitle: 'B2B buying journey',
    persona: {
      name: 'Priya, head of operations',
      summary: 'Leads a buying group of five and must justify the spend.',
    },
    stages: [
      'Problem identification',
      'Solution exploration',
      'Requirements building',
      'Supplier selection',
      'Validation',
      'Consensus creation',
    ],
    lanes: [
      { name: 'Buying-group actions', kind: 'actions' },
      { name: 'Touchpoints', kind: 'touchpoints' },
      { name: 'Questions', kind: 'thinking' },
      { name: 'Pain points', kind: 'pain_points' },
      { name: 'Opportunities', kind: 'opportunities' },
      { name: 'Owning team', kind: 'owner' },
    ],
  },
  {
    id: 'experience-diagram',
    name: 'Experience diagram',
    description:
      'A light map of one experience: what people do, think and feel at each step. Good for a first workshop.',
    defaultTitle: 'Experience diagram',
    persona: { name: 'Jordan, everyday user', summary: 'Busy, mobile-first, tries things once.' },
    stages: ['Before', 'Getting started', 'During', 'Wrapping up', 'After'],
    lanes: [
      { name: 'Doing', kind: 'actions' },
      { name: 'Thinking', kind: 'thinking' },
      { name: 'Feeling', kind: 'emotions' },
    ],
  },
  {
    id: 'blank',
    name: 'Blank grid',
    description: 'Three stages by three lanes to rename as you like.',
    defaultTitle: 'Journey map',
    persona: null,
    stages: ['Stage 1', 'Stage 2', 'Stage 3'],
    lanes: [
      { name: 'Lane 1', kind: 'other' },
      { name: 'Lane 2', kind: 'other' },
      { name: 'Lane 3', kind: 'other' },
    ],
  },
];

export const findPreset = (id: string): MapPreset | undefined => PRESETS.find((p) => p.id === id);

/** Makes an editable spec from a preset; `idFactory` gives the map, stage and lane ids. */
export function createSpecFromPreset(preset: MapPreset, idFactory: () => string): MapSpec {
  return {
    id: idFactory(),
    title: preset.defaultTitle,
    presetId: preset.id,
    persona: preset.persona ? { ...preset.persona } : null,
    stages: preset.stages.map((name) => ({ id: idFactory(), name })),
    lanes: preset.lanes.map((lane) => ({ id: idFactory(), name: lane.name, kind: lane.kind })),
  };
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Short random ids (8 base-36 characters). Short because map ids go into item metadata (≤ 256
 * bytes on Miro) and every key of the stored record; collisions are also checked by the caller
 * where it matters (stage and lane ids within one spec). `random` is injectable for tests.
 */
export function createIdFactory(random: () => number = Math.random, length = 8): () => string {
  return () => {
    let id = '';
    for (let i = 0; i < length; i++) id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
    return id;
  };
}
