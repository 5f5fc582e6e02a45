/**
 * `promise`, or its signal's reason as soon as `signal` fires, whichever comes first. The promise
 * is left to settle on its own: one shared task (a cached equation) may have several callers,
 * each with its own deadline. Both outcomes of `promise` are handled here, so a late failure
 * is never an unhandled rejection.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
