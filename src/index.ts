// trialdeck's public API: typed functions, not argv.
export { buildDeck, makeDeck, FORMATS, DEFAULT_FORMATS, isFormat } from './build.js';
export type { BuildOptions, BuildResult, DeckBuild, Format } from './build.js';
export { TrialdeckError, isTrialdeckError, formatProblem } from './errors.js';
export type { Diagnostic, ErrorCode, Problem } from './errors.js';
export { loadTrial, parseTrialText } from './trial/load.js';
export { validateTrial } from './trial/validate.js';
export { trialSchema } from './trial/schema.js';
export type { Trial, TrialInput, Outcome, Quantity, Effect } from './trial/schema.js';
export { importSummary, trialToYaml } from './import/index.js';
export { composeDeck } from './deck/compose.js';
export { renderDeck } from './marp/render.js';
export type { RenderedDeck } from './marp/render.js';
export { listThemes, resolveTheme } from './themes/registry.js';
