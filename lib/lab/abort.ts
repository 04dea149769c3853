/**
 * Cancelling the lab's long tasks (a clip, a CSV of every frame): the AbortError they reject with, and
 * a wait that gives up as soon as the task is cancelled.
 */

/**
 * The error a cancelled `task` rejects with: a DOMException named AbortError, as fetch and the DOM use.
 * @example abortError('the CSV export') // AbortError: the CSV export was cancelled
 */
export function abortError(task: string): DOMException {
  return new DOMException(`${task} was cancelled`, 'AbortError');
}

/** `promise`, or `task`'s AbortError as soon as `signal` aborts. */
export function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, task: string): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError(task));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(task));
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
