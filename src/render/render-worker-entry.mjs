// The pool's fallback worker entry, used when the bundle (worker-bundle.ts) cannot be written.
// A worker thread does not inherit the parent's loader on Node 20, so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
const { default: renderTask } = await import('./render-worker-main.ts');
export default renderTask;
