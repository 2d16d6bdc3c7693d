// The studio's public surface, for the CLI, tests and the bench.
export { DEFAULT_STUDIO_PORT, startStudio, type StudioOptions, type StudioServer } from './server.js';
export { TOKEN_HEADER } from './guard.js';
