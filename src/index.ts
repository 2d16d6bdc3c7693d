// trialdeck's public API: typed functions, not argv.
export { buildDeck, buildDecks, makeDeck, FORMATS, DEFAULT_FORMATS, BROWSER_FORMATS, isFormat } from './build.js';
export type { BatchResult, BuildEvent, BuildOptions, BuildResult, DeckBuild, Format } from './build.js';
export { discoverBrowser } from './export/browser-discovery.js';
export type { BrowserLocation, SearchMode } from './export/browser-discovery.js';
export { HANDOUT_LAYOUTS } from './export/handout-model.js';
export type { HandoutLayout } from './export/handout-model.js';
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
export * from './preview/index.js';
