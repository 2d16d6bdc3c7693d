// The preview's public surface, for the CLI, tests and bench/preview-rebuild.js.
export { DEFAULT_PREVIEW_PORT, PREVIEW_HOST, isLoopbackHost, startPreview } from './server.js';
export type { PreviewEvent, PreviewOptions, PreviewServer } from './server.js';
export type { BuildOutcome } from './rebuilder.js';
export { CHANGE_KINDS, isChangeKind, type ChangeKind } from './watch.js';
export { describeError, injectLiveReload, type ErrorReport } from './live-reload.js';
