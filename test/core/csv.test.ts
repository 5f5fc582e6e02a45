import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseNumericCsv } from '../../src/core/csv.js';
import { LOGLOSS_CSV_SPEC } from '../../src/core/input/logloss-csv.js';

function parse(text: string) {
  return parseNumericCsv(text, LOGLOSS_CSV_SPEC);
}

function errorOf(text: string): { code: string; message: string } {
  const parsed = parse(text);
  assert.ok(!parsed.ok, `expected an error for ${JSON.stringify(text)}`);
  return parsed.error;
}

describe('parseNumericCsv', () => {
  test('GIVEN a header y,p THEN the columns are read by name', () => {
    const parsed = parse('y,p\n1,0.9\n0,0.2\n1,0.7\n');
    assert.ok(parsed.ok);
    assert.equal(parsed.value.rows, 3);
    assert.equal(parsed.value.hadHeader, true);
    assert.deepEqual([...(parsed.value.columns.get('p') ?? [])], [0.9, 0.2, 0.7]);
  });

  test('GIVEN columns in another order with aliases THEN they map to y and x', () => {
    const parsed = parse('feature,label\n-2.2,0\n4.6,1');
    assert.ok(parsed.ok);
    assert.deepEqual([...(parsed.value.columns.get('x') ?? [])], [-2.2, 4.6]);
    assert.deepEqual([...(parsed.value.columns.get('y') ?? [])], [0, 1]);
  });

  test('GIVEN no header, CRLF line ends, blank lines and quoted cells THEN two columns are y,p', () => {
    const parsed = parse('1,0.9\r\n\r\n"0","0.2"\r\n');
    assert.ok(parsed.ok);
    assert.equal(parsed.value.hadHeader, false);
    assert.deepEqual([...(parsed.value.columns.get('y') ?? [])], [1, 0]);
    assert.deepEqual([...(parsed.value.columns.get('p') ?? [])], [0.9, 0.2]);
  });

  test('GIVEN three headerless columns THEN the third is the weight', () => {
    const parsed = parse('1\t0.9\t2\n0\t0.2\t1');
    assert.ok(parsed.ok);
    assert.deepEqual([...(parsed.value.columns.get('w') ?? [])], [2, 1]);
  });

  test('GIVEN a bad cell THEN the error names the line, the column, the cell and what it should be', () => {
    const error = errorOf('y,p\n1,0.9\n0,abc\n');
    assert.equal(error.code, 'csv-invalid');
    assert.equal(error.message, 'CSV row 3, column p: "abc" is not a probability from 0 to 1.');
    assert.match(errorOf('y,p\n1,1.5').message, /column p: "1.5" is not a probability/);
    assert.match(errorOf('y,p\n1,Infinity').message, /"Infinity" is not a probability/);
    assert.match(errorOf('y,p\n1,0x1').message, /"0x1"/);
  });

  test('GIVEN rows with too few or too many columns THEN the error counts them', () => {
    assert.equal(errorOf('y,p\n1,0.9\n1\n').message, 'CSV row 3 has 1 column; expected 2, like the first row.');
    assert.equal(errorOf('y,p\n1,0.9,3\n').message, 'CSV row 2 has 3 columns; expected 2, like the first row.');
  });

  test('GIVEN an unknown header, only a header, or four headerless columns THEN clear errors', () => {
    assert.match(errorOf('label,banana\n1,2').message, /does not name the columns/);
    assert.equal(errorOf('y,p\n').message, 'The CSV has no data rows.');
    assert.match(errorOf('1,2,3,4\n').message, /4 columns and no header/);
    assert.equal(errorOf('').code, 'csv-invalid');
  });
});
