import { transforms } from 'vega';

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
