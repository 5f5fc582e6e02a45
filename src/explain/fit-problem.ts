import { messages } from '../core/messages.js';
import { userError, type UserError } from '../core/user-error.js';
import type { LogisticProblem } from '../loss/index.js';

/** A fit the data cannot have, as the user error that says why (codes from core/user-error.ts). */
export function fitProblemError(problem: LogisticProblem): UserError {
  switch (problem.code) {
    case 'labels-not-binary':
      return userError('labels-not-binary', messages.fitLabelsNotBinary(problem.label), 'y');
    case 'one-class':
      return userError('one-class', messages.fitOneClass(problem.label, problem.weighted), 'y');
    case 'constant-x':
      return userError('constant-x', messages.fitConstantX(problem.value), 'x');
    case 'x-too-large':
      return userError('fit-failed', messages.fitXTooLarge(problem.largest), 'x');
    case 'weights-too-large':
      return userError('fit-failed', messages.fitWeightsTooLarge(problem.largest), 'w');
    case 'separable':
      return userError('separable', messages.fitSeparable(problem.columns), 'x');
    case 'collinear':
      return userError('collinear-features', messages.fitCollinear(problem.column, problem.fitIntercept), 'x');
    case 'not-converged':
      return userError('fit-failed', messages.fitNotConverged(problem.iterations), 'x');
  }
}
