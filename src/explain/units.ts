import { baseValue, logSymbol, unitName, type AnyBase, type LogBase, type Unit } from '../loss/index.js';

export interface BaseWords {
  log: string;
  unit: Unit;
  name: string;
  value: number;
}

const NAMES: Record<LogBase, string> = { e: 'natural log', '2': 'log base 2', '10': 'log base 10' };

/** The symbol, unit and number come from src/loss/log-base.ts; only the name in a sentence is said here. */
export function baseWords(base: AnyBase): BaseWords {
  const name = base === 'e' || base === '2' || base === '10' ? NAMES[base] : `log base ${base}`;
  return { log: logSymbol(base), unit: unitName(base), name, value: baseValue(base) };
}

/** How each named base is written for people: the log's symbol and the unit of information. */
export const BASE_WORDS: Record<LogBase, BaseWords> = {
  e: baseWords('e'),
  '2': baseWords('2'),
  '10': baseWords('10'),
};

/** The base as JSON shows it: "e", or the number (2, 10, 3, 1.5). */
export function baseForJson(base: AnyBase): 'e' | number {
  return base === 'e' ? 'e' : Number(base);
}
