import { baseValue, logSymbol, unitName, type LogBase, type Unit } from '../loss/index.js';

export interface BaseWords {
  log: string;
  unit: Unit;
  name: string;
  value: number;
}

/** The symbol, unit and number come from src/loss/log-base.ts; only the name in a sentence is said here. */
const words = (base: LogBase, name: string): BaseWords => ({ log: logSymbol(base), unit: unitName(base), name, value: baseValue(base) });

/** How each base is written for people: the log's symbol and the unit of information. */
export const BASE_WORDS: Record<LogBase, BaseWords> = {
  e: words('e', 'natural log'),
  '2': words('2', 'log base 2'),
  '10': words('10', 'log base 10'),
};

/** The base as JSON shows it: "e", 2 or 10. */
export function baseForJson(base: LogBase): 'e' | number {
  return base === 'e' ? 'e' : Number(base);
}
