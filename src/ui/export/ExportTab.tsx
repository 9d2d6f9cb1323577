import { countOf } from '../../domain/common';
import { useState } from 'preact/hooks';
import type { Workshop } from '../../app/workshop';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field, controlValue } from '../components/Field';
import { EmptyState, Notice, Spinner } from '../components/Notice';
import { boardReadState, useTabModel } from '../components/tab-model';
import { JobProgress } from '../components/ProgressBar';
import { browserEnvironment } from './browser-environment';
import { CompareView } from './CompareView';
import { ReviewView } from './ReviewView';
import { BOARD_NOW } from './compare-model';
import { budgetLine, formatBytes, formatTime } from './export-messages';
import {
  createExportTabModel,
  type ExportEnvironment,
  type ExportTabModel,
  type ExportUseCases,
  type SnapshotMeta,
} from './export-tab-model';
import { MapPicker } from '../components/MapPicker';

interface ExportTabProps {
  workshop: Workshop;
  useCases: ExportUseCases;
  /** Downloads and clipboard; the browser's unless a test gives fakes. */
  environment?: ExportEnvironment;
}

/**
 * Export tab: download the map (JSON, CSV, Markdown), copy JSON, keep snapshots in this browser,
 * compare them, review the board now against one (issue 14 §5), and import a JSON file.
 */
export function ExportTab({
  workshop,
  useCases,
  environment = browserEnvironment,
}: ExportTabProps) {
  const model = useTabModel(
    () => createExportTabModel(workshop, useCases, environment),
    [workshop, useCases, environment],
  );

  const waiting = boardReadState(model.state.value);
  if (waiting) return waiting;
  const maps = model.maps.value;
  const message = model.message.value;
  return (
    <div class="tp-export-tab">
      {maps.length === 0 ? (
        <EmptyState title="No journey map on this board yet">
          Create one in the Map tab to download and keep snapshots, or import a map file below.
        </EmptyState>
      ) : (
        <>
          <MapPicker
            id="tp-export-map"
            maps={maps}
            value={model.mapId.value ?? ''}
            onChoose={model.selectMap}
          />
          <DownloadSection model={model} />
          {message && (
            <Notice tone={message.tone} title={message.title}>
              {message.body}
            </Notice>
          )}
          <HistorySection model={model} />
        </>
      )}
      <ImportSection model={model} />
    </div>
  );
}

function DownloadSection({ model }: { model: ExportTabModel }) {
  const busy = model.busy.value !== null;
  const fallback = model.copyFallback.value;
  return (
    <section class="tp-section" aria-labelledby="tp-download-title">
      <h2 id="tp-download-title" class="tp-section__title">
        Download
      </h2>
      <label class="tp-check">
        <input
          type="checkbox"
          checked={model.includeAuthors.value}
          onChange={(e) => void model.setIncludeAuthors(e.currentTarget.checked)}
        />
        <span>Include author names</span>
      </label>
      <p class="tp-help">
        Off unless the participants agreed; remembered in this browser. Names appear where the board
        says who wrote a note.
      </p>
      <label class="tp-check">
        <input
          type="checkbox"
          checked={model.includeLoose.value}
          onChange={(e) => {
            model.includeLoose.value = e.currentTarget.checked;
          }}
        />
        <span>Include notes outside the map</span>
      </label>
      <p class="tp-help">
        The file holds this map’s notes: those in its frame and those tagged with its stages. Tick
        this to add the board’s notes that belong to no map.
      </p>
      <div class="tp-export-downloads">
        <button
          type="button"
          class="button button-primary button-small"
          disabled={busy}
          aria-label="Download JSON"
          onClick={() => void model.download('json')}
        >
          JSON
        </button>
        <button
          type="button"
          class="button button-secondary button-small"
          disabled={busy}
          aria-label="Download CSV"
          onClick={() => void model.download('csv')}
        >
          CSV
        </button>
        <button
          type="button"
          class="button button-secondary button-small"
          disabled={busy}
          aria-label="Download Markdown"
          onClick={() => void model.download('markdown')}
        >
          Markdown
        </button>
        <button
          type="button"
          class="button button-secondary button-small"
          disabled={busy}
          aria-label="Download insight tables (KPIs, ratings, RACI) as CSV"
          onClick={() => void model.downloadTables()}
        >
          Insight tables
        </button>
      </div>
      <button
        type="button"
        class="button button-tertiary button-small"
        disabled={busy}
        onClick={() => void model.copyJson()}
      >
        Copy JSON
      </button>
      {fallback !== null && (
        <Field
          id="tp-copy-fallback"
          label="Map as JSON"
          after={
            <button
              type="button"
              class="button button-tertiary button-small"
              onClick={model.dismissCopyFallback}
            >
              Hide
            </button>
          }
        >
          <textarea
            class="input tp-export-copy"
            readOnly
            value={fallback}
            ref={(el) => el?.select()}
          />
        </Field>
      )}
    </section>
  );
}

function HistorySection({ model }: { model: ExportTabModel }) {
  const state = model.history.value;
  const usage = model.usage.value;
  const busy = model.busy.value !== null;
  const compare = model.compare.value;
  const review = model.review.value;
  return (
    <section class="tp-section" aria-labelledby="tp-history-title">
      <h2 id="tp-history-title" class="tp-section__title">
        History in this browser
      </h2>
      {state.status === 'off' ? (
        <Notice tone="info" title="History is off">
          {state.message} Downloads still work.
        </Notice>
      ) : (
        <>
          <Field
            id="tp-snapshot-label"
            label="Label (optional)"
            beside={
              <button
                type="button"
                class="button button-primary button-small"
                disabled={busy}
                onClick={() => void model.saveSnapshot()}
              >
                Save snapshot
              </button>
            }
          >
            <input
              class="input tp-grow"
              placeholder="e.g. After the morning session"
              maxLength={200}
              value={model.label.value}
              onInput={(e) => {
                model.label.value = controlValue(e);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void model.saveSnapshot();
              }}
            />
          </Field>
          {usage && usage.count > 0 && <p class="tp-help tp-export-budget">{budgetLine(usage)}.</p>}
          {usage && usage.damaged > 0 && (
            <Notice tone="warning" title={`${countOf(usage.damaged, 'damaged snapshot record')}`}>
              This browser’s history holds records that are not readable snapshots. They are not
              shown or counted, and they never cause good snapshots to be removed.{' '}
              <button
                type="button"
                class="button button-tertiary button-small"
                onClick={() => void model.deleteDamaged()}
              >
                Delete them
              </button>
            </Notice>
          )}
          {state.status === 'loading' && <Spinner label="Reading history…" />}
          {state.status === 'error' && (
            <Notice tone="error" title="Could not read the history">
              {state.message}
            </Notice>
          )}
          {compare && (
            <CompareView
              before={compare.before}
              after={compare.after}
              comparison={compare.comparison}
              onClose={model.closeCompare}
            />
          )}
          {review && (
            <ReviewView
              snapshotName={review.snapshotName}
              review={review.review}
              onDownload={model.downloadReview}
              onClose={model.closeReview}
            />
          )}
          {state.status === 'ready' &&
            (state.items.length === 0 ? (
              <p class="tp-muted">
                No snapshots of this map yet. Save one now; Touchpoint also keeps one before each
                bulk change.
              </p>
            ) : (
              <ul class="tp-history" aria-label="Snapshots">
                {state.items.map((s) => (
                  <HistoryItem key={s.id} snapshot={s} model={model} />
                ))}
              </ul>
            ))}
        </>
      )}
    </section>
  );
}

function HistoryItem({ snapshot: s, model }: { snapshot: SnapshotMeta; model: ExportTabModel }) {
  const busy = model.busy.value !== null;
  const comparing = model.compareFrom.value === s.id;
  const deleting = model.confirmDelete.value === s.id;
  const others = model.snapshots.value.filter((o) => o.id !== s.id);
  const [other, setOther] = useState<string>(BOARD_NOW);
  const when = formatTime(s.createdAt);
  return (
    <li class="tp-history__item">
      <div class="tp-history__head">
        <span class={`tp-badge tp-badge--${s.kind}`}>{s.kind === 'auto' ? 'Auto' : 'Manual'}</span>
        {/* One item, so a narrow panel wraps it as text, never a line starting with "·". */}
        <span>
          <time dateTime={new Date(s.createdAt).toISOString()}>{when}</time>
          <span class="tp-muted">
            {' '}
            · {countOf(s.noteCount, 'note')} · {formatBytes(s.bytes)}
          </span>
        </span>
      </div>
      {s.reason && <p class="tp-history__reason">{s.reason}</p>}
      <p class="tp-history__summary tp-muted">{s.summary}</p>
      {deleting ? (
        <ConfirmDialog
          question={`Delete the snapshot of ${when}? It cannot be brought back.`}
          confirm="Delete"
          keep="Keep"
          onConfirm={() => void model.deleteSnapshot(s.id)}
          onKeep={() => model.askDelete(null)}
        />
      ) : comparing ? (
        <div class="tp-row tp-history__compare">
          <label class="tp-sr-only" for={`tp-compare-${s.id}`}>
            Compare the snapshot of {when} with
          </label>
          <select
            id={`tp-compare-${s.id}`}
            class="select tp-grow"
            value={other}
            onChange={(e) => setOther(controlValue(e))}
          >
            <option value={BOARD_NOW}>The board now</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.kind === 'auto' ? 'Auto' : 'Manual'} {formatTime(o.createdAt)}
                {o.reason ? ` · ${o.reason}` : ''}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="button button-primary button-small"
            disabled={busy}
            onClick={() => void model.compareWith(other)}
          >
            Compare
          </button>
          <button
            type="button"
            class="button button-tertiary button-small"
            onClick={() => model.startCompare(null)}
          >
            Cancel
          </button>
        </div>
      ) : (
        <div class="tp-history__actions">
          <button
            type="button"
            class="button button-tertiary button-small"
            disabled={busy}
            aria-label={`Download snapshot of ${when}`}
            onClick={() => void model.downloadSnapshot(s.id)}
          >
            Download
          </button>
          <button
            type="button"
            class="button button-tertiary button-small"
            disabled={busy}
            aria-label={`Review the board now against the snapshot of ${when}`}
            title="Actions done and late, KPIs and the emotion curve since this snapshot"
            onClick={() => void model.startReview(s.id)}
          >
            Review against now
          </button>
          <button
            type="button"
            class="button button-tertiary button-small"
            disabled={busy}
            aria-label={`Compare snapshot of ${when} with…`}
            onClick={() => model.startCompare(s.id)}
          >
            Compare with…
          </button>
          <button
            type="button"
            class="button button-tertiary button-small tp-history__delete"
            disabled={busy}
            aria-label={`Delete snapshot of ${when}`}
            onClick={() => model.askDelete(s.id)}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

function ImportSection({ model }: { model: ExportTabModel }) {
  const [over, setOver] = useState(false);
  const job = model.importJob.value;
  const result = model.importResult.value;
  const pick = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) void model.importFile(file);
  };
  return (
    <section class="tp-section" aria-labelledby="tp-import-title">
      <h2 id="tp-import-title" class="tp-section__title">
        Import a map
      </h2>
      <div
        class={over ? 'tp-dropzone tp-dropzone--over' : 'tp-dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!job) pick(e.dataTransfer?.files);
        }}
      >
        <p>Drop a Touchpoint .json file here, or</p>
        <label class="button button-secondary button-small tp-file-button">
          Choose file…
          <input
            type="file"
            accept=".json,application/json"
            class="tp-sr-only"
            aria-label="Import a map file (.json)"
            disabled={job !== null}
            onChange={(e) => {
              const input = e.currentTarget;
              pick(input.files);
              input.value = '';
            }}
          />
        </label>
        <p class="tp-help">
          The map and its notes are added to this board. Notes already here are skipped.
        </p>
      </div>
      <JobProgress job={job} onCancel={model.cancelImport} />
      {result && (
        <Notice tone={result.tone} title={result.title}>
          {result.body}
        </Notice>
      )}
    </section>
  );
}
