import { transforms, type View } from 'vega';

/**
 * Every use of Vega's private API, in one place. `vega` is pinned exactly (6.4.0: vega-view 6.2,
 * vega-dataflow 6.1, vega-transforms 5.2) because of what is here; each function below says what
 * it reaches into and what it was measured to save. Upgrading Vega means re-reading these.
 */

type Lookup = Record<string, unknown>;

interface PulseLike {
  rem: readonly unknown[];
}

interface LookupOperator {
  value: Lookup | null;
  transform(params: unknown, pulse: PulseLike): unknown;
}

/**
 * vega-transforms 5.2's Relay and Project (the operators that copy tuples between a data set and
 * the ones derived from it) keep a lookup object keyed by tuple id and retire an entry with
 * `lut[id] = null`, never `delete`. Tuple ids count up for the life of the thread, so V8 keeps
 * each lookup as an array as long as the largest id it ever saw: a long-running render worker
 * grew by ~15 KB a chart, the main cause of RSS passing 1.2 GB over 3,000 commands (measured
 * here). After a pulse that removed tuples, the live entries are copied into a fresh object,
 * which costs as many steps as the chart has data points. Vega's own logic is untouched.
 */
export function compactVegaLookups(): void {
  for (const name of ['relay', 'project']) {
    const operator = transforms[name] as unknown as { prototype: LookupOperator & { lossbotCompacts?: true } } | undefined;
    if (!operator || operator.prototype.lossbotCompacts) continue;
    const original = operator.prototype.transform;
    operator.prototype.transform = function (this: LookupOperator, params: unknown, pulse: PulseLike): unknown {
      const out = original.call(this, params, pulse);
      if (this.value && pulse.rem.length > 0) this.value = liveEntries(this.value);
      return out;
    };
    operator.prototype.lossbotCompacts = true;
  }
}

function liveEntries(lookup: Lookup): Lookup {
  const live: Lookup = {};
  for (const key in lookup) if (lookup[key] !== null) live[key] = lookup[key];
  return live;
}

/**
 * Vega keeps a mark's scene items for data that left (to reuse them if it comes back) until more
 * than `cleanThreshold` have piled up, 10,000 by default: a View reused for thousands of charts
 * held up to that many dead items per mark, and RSS kept climbing (~+90 MB per 1,000 commands
 * here after the lookup fix). A chart has at most a few hundred marks' worth of data.
 */
const CLEAN_THRESHOLD = 500;

/** Has a reused View drop departed scene items early (`cleanThreshold`, a vega-dataflow field). */
export function dropDepartedItemsEarly(view: View): void {
  (view as unknown as { cleanThreshold: number }).cleanThreshold = CLEAN_THRESHOLD;
}

/**
 * The view's size in chart pixels, padding included, as vega-view computes it for its own
 * renderers (`_viewWidth` + padding). Not public API: undefined sends the caller down the public
 * path, a fresh canvas per chart (~2 ms slower). Read it after the run that laid the chart out.
 */
export function viewSize(view: View): { width: number; height: number } | undefined {
  const inner = view as unknown as { _viewWidth?: unknown; _viewHeight?: unknown };
  const padding = view.padding() as unknown as { left?: number; right?: number; top?: number; bottom?: number };
  if (typeof inner._viewWidth !== 'number' || typeof inner._viewHeight !== 'number' || typeof padding !== 'object') return undefined;
  return {
    width: Math.max(0, inner._viewWidth + (padding.left ?? 0) + (padding.right ?? 0)),
    height: Math.max(0, inner._viewHeight + (padding.top ?? 0) + (padding.bottom ?? 0)),
  };
}
