/** See bundle-cache.mjs. */
export function cachedBundle(name: string, code: Uint8Array | string): URL;
/** Where bundles are written (inside node_modules, so their package imports resolve). */
export const CACHE_DIR: string;
/** The esbuild options every lossbot bundle shares. */
export const BUNDLE_OPTIONS: Readonly<{ bundle: true; packages: 'external'; format: 'esm'; platform: 'node'; target: string; write: false; logLevel: 'silent' }>;
