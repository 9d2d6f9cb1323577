/**
 * Export format v1 (ARCHITECTURE.md §7), frozen: `public/schema/journey-map.v1.json` describes
 * exactly this shape. Files of v1 are still read: `migrations.ts` brings them to the current
 * version (`journey-map.ts`). v2 (`journey-map-v2.ts`) reuses every type here that did not change.
 */
import type { PaletteColor } from '../board/board-item';
import type { LaneKind } from '../journey/map-spec';
import type { LaneSource, StageConflict, StageSource } from '../stages/decide-stage';

export const EXPORT_FORMAT = 'touchpoint.journey-map';

/** Known platforms; a file from a newer Touchpoint may name another, which is kept as is. */
export type ExportPlatform = 'miro' | 'mural' | 'playground' | (string & {});

export interface ExportSource {
  platform: ExportPlatform;
  boardId: string;
  boardName: string;
  /** Touchpoint's version (package.json) that wrote the file. */
  appVersion: string;
}

/** @internal Read as `unknown` and migrated; this type shapes the v1 files tests write. */
export interface JourneyMapFileV1 {
  format: typeof EXPORT_FORMAT;
  version: 1;
  /** ISO 8601 UTC, e.g. 2026-11-22T18:30:00.000Z. */
  exportedAt: string;
  source: ExportSource;
  map: JourneyMapV1;
}

export interface ExportStage {
  id: string;
  name: string;
}

export interface ExportLane {
  id: string;
  name: string;
  kind: LaneKind;
}

export interface ExportPersona {
  name: string;
  summary: string;
}

/** Absolute board position; x, y is the top-left corner. */
export interface ExportPosition {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Item kinds an export carries. Readers drop entries of kinds they do not know, with a warning. */
export const EXPORT_NOTE_KINDS = ['note'] as const;
export type ExportNoteKind = (typeof EXPORT_NOTE_KINDS)[number];

export interface ExportNote {
  id: string;
  kind: ExportNoteKind;
  /**
   * Stable across re-exports and re-imports (`<boardId>:<itemId>` the first time a note is
   * exported; an imported note keeps the key it came with), so importing twice does not duplicate.
   */
  importKey: string;
  /** Plain text, whitespace tidied. */
  text: string;
  /** Present (true) only when the text was cut at MAX_NOTE_TEXT_LENGTH. */
  truncated?: true;
  stageId: string | null;
  stageSource: StageSource;
  laneId: string | null;
  laneSource: LaneSource;
  /** Present only when the stage decision found a conflict. */
  stageConflict?: StageConflict;
  /**
   * True for notes outside the map's frame (kept so nothing on the board is lost). A loose note
   * with a stage tag keeps that stage; its lane is always null.
   */
  loose: boolean;
  clusterId: string | null;
  /** Votes from ended or revealed rounds. */
  votes: number;
  color: PaletteColor | null;
  /** Tag titles as on the board (case variants kept). */
  tags: string[];
  position: ExportPosition;
  /** Only when the facilitator allowed author names for this export. */
  author?: string;
}

export interface ExportCluster {
  id: string;
  label: string;
  keywords: string[];
  /** Note ids. */
  memberIds: string[];
}

export type VoteScope = 'map' | 'stage' | 'lane' | 'cluster' | 'selection';

export interface VoteSettings {
  votesPerVoter: number;
  maxVotesPerItem: number;
  scope: VoteScope;
  /** Stage, lane, cluster or note ids the scope names; empty for the whole map. */
  scopeIds: string[];
  anonymous: boolean;
}

export interface VoteTotal {
  itemId: string;
  votes: number;
}

export interface VoteBallot {
  voterId: string;
  votes: VoteTotal[];
}

interface VoteRoundBase {
  id: string;
  title: string;
  settings: VoteSettings;
  startedAt: string | null;
  endedAt: string | null;
  totals: VoteTotal[];
}

/** Per-voter ballots travel only while a round is open; ended rounds keep totals only. */
export type ExportVoteRound =
  | (VoteRoundBase & { status: 'open'; ballots: VoteBallot[] })
  | (VoteRoundBase & { status: 'ended' | 'revealed' });

export type ActionStatus = 'todo' | 'doing' | 'done';
/** 1 (low) … 5 (high). */
export type Score = 1 | 2 | 3 | 4 | 5;

export interface ExportAction {
  id: string;
  title: string;
  ownerTeam: string | null;
  /** Calendar date, YYYY-MM-DD. */
  dueDate: string | null;
  impact: Score;
  feasibility: Score;
  status: ActionStatus;
  /** Notes (or clusters) the action came from. */
  sourceItemIds: string[];
}

/** A measured figure for the journey (CSAT, conversion…), for the whole map or one stage. */
export interface ExportMetric {
  name: string;
  value: number;
  unit: string | null;
  stageId: string | null;
}

export interface JourneyMapV1 {
  id: string;
  title: string;
  /** Preset id the map started from. */
  preset: string;
  persona?: ExportPersona;
  stages: ExportStage[];
  lanes: ExportLane[];
  notes: ExportNote[];
  clusters: ExportCluster[];
  voteRounds: ExportVoteRound[];
  actions: ExportAction[];
  metrics?: ExportMetric[];
}
