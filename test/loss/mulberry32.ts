/**
 * The tests' seeded generator is the bench's mulberry32 (public domain), so test data is the same
 * on every run and can be regenerated in Python (the references here were computed from the same
 * streams there).
 */
export { seededRandom as mulberry32 } from '../../src/practice/seeded-random.js';
