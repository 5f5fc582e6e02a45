import { formatNumber } from '../core/format.js';
import { logBaseOfValue, logSymbol as symbolOfBase } from '../loss/log-base.js';

/** Numbers in titles and alt text: the same four significant digits as the text answers. */
export const short = (x: number): string => formatNumber(x);

export function logSymbol(logBase: number): string {
  return symbolOfBase(logBaseOfValue(logBase));
}

export function className(y: number): string {
  return y === 1 ? 'y = 1' : y === 0 ? 'y = 0' : 'soft label';
}
