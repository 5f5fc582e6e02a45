import { checkAnswer } from '../src/practice/check-answer.js';
import { problemFor, problemFromId } from '../src/practice/generate.js';
import { LEVELS, PRACTICE_TOPICS } from '../src/practice/problem.js';
import { timeMedian } from './timing.js';

/**
 * What /answer does before it words the reply: redraw a problem from its id (with the redraws
 * that keep the slips apart), check a value and diagnose it (target <= 2 ms). The ids cycle over
 * every topic and level and the values over right, a slip and no slip, so no one case is cached.
 */
export function benchPracticeCheck(runs = 600): number {
  const ids = PRACTICE_TOPICS.flatMap((topic) => LEVELS.map((level) => problemFor(topic, level, 4242).id));
  let k = 0;
  return timeMedian(() => {
    const problem = problemFromId(ids[k % ids.length] as string);
    if (!problem) throw new Error('the practice bench could not redraw its own problem');
    const value = k % 3 === 0 ? problem.answer : k % 3 === 1 ? (problem.slips[0]?.value ?? 0) : problem.answer + 1;
    k++;
    return checkAnswer(problem, value);
  }, runs, 20);
}
