// The pool's worker entry. The project runs TypeScript through tsx without a build step, and a
// worker thread does not inherit the parent's loader on Node 20, so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
const { default: renderTask, warmUp } = await import('./render-worker.ts');
await warmUp();
export default renderTask;
