/**
 * The playground's opening board: a discovery workshop for an online bank's customer
 * onboarding ("Northstar Bank"), mid-way through. The journey map and its notes by stage and lane
 * (most tagged `Stage · …`, some not) are seeded through Touchpoint's own map use case
 * (`seedDemoWorkshop` in app/demo, from `DEMO_MAP` here); this state holds the rest: loose interview pain points repeat a few
 * themes for clustering to find, a parking lot and support quotes sit beside them, and a few
 * dot-voting stickers are already on the board. Deterministic: no clock, no unseeded random.
 */
import { deriveMapSize } from '../../domain/journey/layout';
import { stageTagColor } from '../../domain/journey/stage-tag-colors';
import { textToHtml } from '../html-text';
import { DEFAULT_SHAPE_STYLE } from './sdk/items';
import type {
  LocalBoardState,
  LocalItem,
  LocalShape,
  LocalStickyNote,
  LocalTag,
  LocalText,
  LocalUser,
  StickyColor,
} from './sdk/local-board-types';

export const DEMO_USERS: readonly LocalUser[] = [
  { id: 'u-alex', name: 'Alex (facilitator)' },
  { id: 'u-sam', name: 'Sam' },
  { id: 'u-priya', name: 'Priya' },
  { id: 'u-jordan', name: 'Jordan' },
];

/**
 * The demo's journey map. It is made through the real path (`seedDemoWorkshop` in app/demo: the
 * map use case over the Miro adapter), so the playground opens on a map Touchpoint knows.
 */
export const DEMO_MAP = {
  title: 'Northstar Bank: opening an account, as customers told it',
  persona: {
    name: 'Maya, 29',
    summary: 'Switching from a high-street bank; wants it done in one evening',
  },
  stages: ['Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Retention'],
  lanes: [
    { name: 'Customer actions', kind: 'actions', color: 'light_yellow' },
    { name: 'Pain points', kind: 'pain_points', color: 'red' },
    { name: 'Opportunities', kind: 'opportunities', color: 'light_green' },
  ],
} as const;
type StageName = (typeof DEMO_MAP.stages)[number];
const STAGES = DEMO_MAP.stages;

/** Map notes by stage, then lane (same order as DEMO_MAP.lanes). */
export const DEMO_MAP_NOTES: Record<StageName, readonly (readonly string[])[]> = {
  Awareness: [
    [
      "Sees a friend's referral link on WhatsApp",
      "Notices the 'no monthly fees' ad on the Tube",
      'Reads a Reddit thread comparing app banks',
    ],
    [
      "Can't tell if deposits are protected (FSCS?)",
      "Ads don't say what's different from my current bank",
    ],
    [
      'Referral page that explains FSCS protection up front',
      'Honest comparison table vs. high-street banks',
    ],
  ],
  Consideration: [
    [
      "Downloads the app to 'have a look' before deciding",
      'Checks App Store reviews: 4.6 stars, but recent complaints',
      'Compares FX fees with Wise and Revolut',
    ],
    [
      'Fee page is a 14-row table with no worked example',
      'Has to give an email before seeing anything',
    ],
    [
      'Let people browse the app in demo mode',
      "Fee calculator: 'what would I have paid last month?'",
    ],
  ],
  Purchase: [
    ['Postcode lookup misses the new-build flat', 'Takes a photo of passport in the app'],
    [
      'ID check fails on driving licence with an old address',
      'Selfie step froze twice on Android 12',
      "Process just stops: 'try again later', no reason",
    ],
    ['Show which step failed and what to do next', 'Video-call fallback when the ID check fails'],
  ],
  Onboarding: [
    [
      'Waits for the physical card',
      'Adds the card to Apple Pay from the app',
      'Moves salary: needs sort code and account number',
    ],
    ['Card took 12 days, no tracking', 'Switching guide assumes I know what CASS is'],
    ['Virtual card ready the minute the account opens', 'Card delivery tracking with SMS updates'],
  ],
  Retention: [
    ['Uses savings pots for holiday money', 'Chats with support about a blocked payment'],
    ['Payment blocked abroad, no notification saying why'],
    [
      'Support chat is brilliant: show it off during onboarding',
      "Monthly 'your money' summary in the app",
    ],
  ],
};

/** Loose notes from customer interviews, themes deliberately repeated (and shuffled below). */
const PAIN_POINTS: readonly { text: string; stage?: StageName }[] = [
  {
    text: 'ID verification failed three times, gave up and went to my old bank',
    stage: 'Purchase',
  },
  { text: 'Passport scan rejected: glare from the laminate' },
  { text: "Verification says 'document unreadable' with no tips", stage: 'Purchase' },
  { text: 'Waited 2 days for a manual ID review, no update' },
  { text: 'App crashes on the selfie step (Pixel 6)', stage: 'Purchase' },
  { text: 'Selfie camera opens a black screen, had to reinstall' },
  { text: "Liveness check kept saying 'move closer' forever" },
  { text: 'Crashed after the selfie and lost all my details' },
  { text: 'Card delivery took almost 3 weeks', stage: 'Onboarding' },
  { text: 'No tracking for my card, kept checking the post' },
  { text: 'Card went to my old address even though I had updated it', stage: 'Onboarding' },
  { text: "Couldn't pay for anything until the card came" },
  { text: 'Confusing fees: is the ATM abroad free or not?', stage: 'Consideration' },
  { text: "Didn't understand the 'fair usage' limit on FX" },
  { text: 'Charged for a second card, nobody told me' },
  { text: 'Fee table is impossible to read on a phone' },
  { text: 'Support chat answered in 2 minutes, really helpful', stage: 'Retention' },
  { text: 'Chat agent fixed my blocked card on a Sunday' },
  { text: 'Love that support is in the app, no phone queues' },
  { text: 'Great support chat, but I had to dig for it in settings' },
  { text: 'Push notifications far too frequent in the first week' },
  { text: 'Wanted a joint account, only solo accounts available' },
  { text: 'Open Banking link to my old bank kept timing out' },
  { text: 'Password rules too strict: three attempts to set one' },
];

const PARKING_LOT: readonly string[] = [
  'Should we offer a junior account?',
  'Legal: can ID checks use the NFC chip in passports?',
  'Ask the data team for drop-off rates per onboarding step',
  'Is the referral bonus worth it? Check CAC numbers',
  'Accessibility audit of the sign-up flow',
  'Business accounts: separate workshop',
  'Translate the app into Polish and Romanian?',
  'What do competitors put in the welcome pack?',
  "Marketing wants to test a 'switch in 7 days' promise",
  'Who owns the card-delivery vendor contract?',
];

const QUOTES: readonly string[] = [
  '“I just want to know my money is safe.”',
  '“Why do you need my selfie AND my passport?”',
  "“The app is gorgeous but I couldn't get in.”",
  '“Your chat team are the best thing about you.”',
  '“I thought the card would come in two days.”',
  "“Is there a fee for this? I can't tell.”",
];

const NOTE = { width: 180, height: (180 * 228) / 199 };

/** mulberry32: a tiny seeded PRNG, so the demo board is the same on every load. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createDemoBoardState(): LocalBoardState {
  const random = seededRandom(20260115);
  let nextId = 1;
  const newId = (): string => `3458764${String(nextId++).padStart(12, '0')}`;
  const items: LocalItem[] = [];
  const author = (i: number): string => DEMO_USERS[i % DEMO_USERS.length]?.id ?? 'u-alex';

  const tags: LocalTag[] = [
    // Each stage's tag in its stage's colour, as a map made in the panel gets them.
    ...[...STAGES, 'Advocacy'].map((s, i) => ({
      id: newId(),
      title: `Stage · ${s}`,
      color: stageTagColor(i),
    })),
    { id: newId(), title: 'Quick win', color: 'green' },
    { id: newId(), title: 'Needs data', color: 'yellow' },
  ];
  const tagId = (title: string): string => tags.find((t) => t.title === title)?.id ?? '';

  const base = (
    x: number,
    y: number,
    width: number,
    height: number,
    parentId: string | null,
    by: string,
  ) => ({
    id: newId(),
    x,
    y,
    width,
    height,
    parentId,
    createdBy: by,
    metadata: {},
  });
  const note = (
    text: string,
    x: number,
    y: number,
    color: StickyColor,
    by: string,
    parentId: string | null = null,
    tagIds: string[] = [],
  ): LocalStickyNote => {
    const n: LocalStickyNote = {
      ...base(x, y, NOTE.width, NOTE.height, parentId, by),
      type: 'sticky_note',
      content: textToHtml(text),
      shape: 'square',
      fillColor: color,
      tagIds,
    };
    items.push(n);
    return n;
  };
  const shape = (
    text: string,
    box: { x: number; y: number; w: number; h: number },
    style: Partial<LocalShape['style']>,
    parentId: string | null,
    kind = 'rectangle',
  ): LocalShape => {
    const s: LocalShape = {
      ...base(box.x + box.w / 2, box.y + box.h / 2, box.w, box.h, parentId, 'u-alex'),
      type: 'shape',
      shape: kind,
      content: text === '' ? '' : textToHtml(text),
      style: { ...DEFAULT_SHAPE_STYLE, ...style },
    };
    items.push(s);
    return s;
  };
  const text = (
    content: string,
    x: number,
    y: number,
    width: number,
    fontSize: number,
    parentId: string | null = null,
  ): LocalText => {
    const t: LocalText = {
      ...base(
        x + width / 2,
        y + fontSize * 0.7,
        width,
        Math.round(fontSize * 1.4),
        parentId,
        'u-alex',
      ),
      type: 'text',
      content: textToHtml(content),
      style: { color: '#1a1a1a', fontSize },
    };
    items.push(t);
    return t;
  };

  // The journey map itself is seeded at (0, 0) through the map use case (app/demo); the rest of
  // the workshop sits below it.
  const frameH = deriveMapSize(DEMO_MAP.stages.length, DEMO_MAP.lanes.length).h;

  // Interview pain points below the map: a shuffled, slightly untidy grid.
  const clusterTop = frameH + 300;
  text('Interview pain points (unsorted)', 0, clusterTop, 1400, 40);
  const order = PAIN_POINTS.map((p) => ({ p, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map((o) => o.p);
  const painNotes = order.map((p, i) => {
    const jitter = (): number => Math.round((random() - 0.5) * 40);
    const x = 120 + (i % 6) * 250 + jitter();
    const y = clusterTop + 200 + Math.floor(i / 6) * 280 + jitter();
    const colors: StickyColor[] = ['red', 'light_pink', 'orange'];
    const tagged = p.stage ? [tagId(`Stage · ${p.stage}`)] : [];
    if (p.text.startsWith('Waited 2 days')) tagged.push(tagId('Needs data'));
    return note(p.text, x, y, colors[i % 3] ?? 'red', author(i + 1), null, tagged);
  });

  // Dot-voting stickers already placed: small circles on the notes people cared about, along the
  // note's top edge (its tags show along the bottom).
  const dotted: [string, number][] = [
    ['App crashes on the selfie step', 4],
    ['Card delivery took almost 3 weeks', 3],
    ['ID verification failed three times', 3],
    ['Confusing fees', 2],
    ['Support chat answered in 2 minutes', 1],
  ];
  for (const [prefix, dots] of dotted) {
    const target = painNotes.find((n) => n.content.startsWith(`<p>${prefix}`));
    if (!target) continue;
    for (let d = 0; d < dots; d += 1) {
      const x = target.x - NOTE.width / 2 + 24 + d * 30;
      const y = target.y - NOTE.height / 2 + 16;
      shape(
        '',
        { x: x - 12, y: y - 12, w: 24, h: 24 },
        { fillColor: '#e6007e', borderColor: '#e6007e', borderWidth: 1 },
        null,
        'circle',
      );
    }
  }
  // A "+1" stamp, which the SDK does not model.
  for (const prefix of ['Love that support']) {
    const target = items.find(
      (i) => i.type === 'sticky_note' && i.content.startsWith(`<p>${prefix}`),
    );
    if (!target) continue;
    // Same parent as the note, so the same (possibly frame-relative) coordinates.
    items.push({
      ...base(target.x + 70, target.y - 90, 48, 48, target.parentId, 'u-priya'),
      type: 'stamp',
    });
  }

  // Support quotes to the right of the cluster.
  const quotesLeft = 1800;
  text('Quotes from support tickets', quotesLeft, clusterTop, 900, 40);
  QUOTES.forEach((q, i) => {
    note(
      q,
      quotesLeft + 120 + (i % 2) * 250,
      clusterTop + 200 + Math.floor(i / 2) * 280,
      'violet',
      author(i + 2),
    );
  });

  // Parking lot further right.
  const parkingLeft = 2700;
  text('Parking lot', parkingLeft, clusterTop, 900, 40);
  shape(
    '',
    { x: parkingLeft - 20, y: clusterTop + 60, w: 1300, h: 700 },
    { fillColor: '#f2f7ff', borderColor: '#a6ccf5', borderWidth: 2 },
    null,
  );
  PARKING_LOT.forEach((p, i) => {
    note(
      p,
      parkingLeft + 120 + (i % 5) * 250,
      clusterTop + 220 + Math.floor(i / 5) * 280,
      'light_blue',
      author(i),
    );
  });

  return {
    version: 1,
    boardId: 'uXjVDemoNorthstar=',
    boardName: 'Northstar Bank: onboarding discovery workshop',
    items,
    tags,
    collections: {},
    users: DEMO_USERS.map((u) => ({ ...u })),
    nextId,
    createdAt: '2026-01-15T09:00:00.000Z',
  };
}
