import { renderTexToPng } from '../tex/render-tex.js';
import type { Theme } from './theme.js';
import { renderSpecToPng } from './render-spec.js';

/** The pool draws both charts and typeset equations: one set of threads, one canvas library. */
export type RenderTask =
  | { kind: 'chart'; spec: Record<string, unknown>; scale: number }
  | { kind: 'tex'; tex: string; theme: Theme; scale: number };

/** A pool worker's job: one spec or equation in, PNG bytes out. */
export default async function renderTask(task: RenderTask): Promise<Uint8Array> {
  return task.kind === 'tex' ? renderTexToPng(task.tex, task.theme, task.scale) : renderSpecToPng(task.spec, task.scale);
}
