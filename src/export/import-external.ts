// import() for packages that are never bundled (marp-cli, the optional
// bundled Chromium). Inside the CLI bundle, V8 loses the dynamic-import hook
// of functions it restores from the code cache (Node 20: "A dynamic import
// callback was not specified"), so src/cli/launch.cts, an ordinary module,
// lends its own import() through this global.
const LAUNCHER_IMPORT = Symbol.for('trialdeck.import');

export function importExternal<T>(specifier: string): Promise<T> {
  const viaLauncher = (globalThis as Record<symbol, ((s: string) => Promise<unknown>) | undefined>)[LAUNCHER_IMPORT];
  return (viaLauncher ? viaLauncher(specifier) : import(specifier)) as Promise<T>;
}
