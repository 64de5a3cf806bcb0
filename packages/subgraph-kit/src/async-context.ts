import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Node 20's AsyncLocalStorage turns on V8's promise hooks at an instance's first `run()`
 * and leaves them on until the instance is disabled, which nobody does. From then on every
 * promise the process creates, resolves and awaits calls into JavaScript (async_hooks'
 * promiseInitHook and the rest). MikroORM has such instances: a flush (UnitOfWork) and a
 * transaction (TransactionContext) each run inside one. So the seed at start-up, or the
 * first write, slowed every later read of a subgraph by a fifth: measured on a subgraph's
 * own requests, loaded directly, 20 distinct readers, polis 2.2–2.7 ms of CPU per request
 * with the hooks on and 1.8–2.0 ms with them off.
 *
 * What this keeps: the hooks are on while some `run()` has not finished, and off when none
 * is left. A `run()` has finished when its callback has returned or, if the callback
 * returns a promise, when that promise has settled (a promise that never settles keeps the
 * hooks on, as before this module). MikroORM reads its stores only inside
 * its own runs, so nothing it reads is lost. When the last run finishes, every instance that
 * ran is disabled (`disable()`; a later `run()` enables it again), and with no instance
 * left enabled Node turns the hooks off.
 *
 * Not kept (so this is installed only in a subgraph's own process, runSubgraph): a store
 * read after its run has finished, from a timer or a callback the run left behind. An
 * instance entered with `enterWith()` has no end, so after one such call nothing is
 * disabled any more (that process's behaviour is Node's own).
 *
 * Node 24's AsyncLocalStorage has no promise hooks (AsyncContextFrame), and this module
 * can go when the services run on it.
 */
export interface AsyncContextGuard {
  /** The runs that have started and not finished. */
  readonly open: () => number;
  /** Puts AsyncLocalStorage's own `run` and `enterWith` back. */
  readonly uninstall: () => void;
}

let installed: AsyncContextGuard | undefined;

export function disableAsyncContextWhenIdle(): AsyncContextGuard {
  if (installed) return installed;
  const prototype = AsyncLocalStorage.prototype;
  const run = prototype.run;
  const enterWith = prototype.enterWith;
  const ran = new Set<AsyncLocalStorage<unknown>>();
  let open = 0;
  let entered = false;

  const finished = (): void => {
    open--;
    if (open > 0 || entered) return;
    for (const storage of ran) storage.disable();
    ran.clear();
  };

  prototype.run = function runAndDisableWhenIdle<R, TArgs extends unknown[]>(
    this: AsyncLocalStorage<unknown>,
    store: unknown,
    callback: (...args: TArgs) => R,
    ...args: TArgs
  ): R {
    ran.add(this);
    open++;
    let result: R;
    try {
      result = run.call(this, store, callback, ...args) as R;
    } catch (error) {
      finished();
      throw error;
    }
    // The caller gets a promise that settles as the callback's did, after the count: its
    // rejection stays the caller's to handle (unhandled, Node reports it as before). Only a
    // real promise is waited for: a lazy thenable (a query builder) runs its work when its
    // caller awaits it, outside the run, as without this module; calling `then` here would
    // run it twice.
    if (result instanceof Promise) {
      return result.then(
        (value: unknown) => {
          finished();
          return value;
        },
        (error: unknown) => {
          finished();
          throw error;
        },
      ) as R;
    }
    finished();
    return result;
  } as typeof prototype.run;

  prototype.enterWith = function enterWithForGood(
    this: AsyncLocalStorage<unknown>,
    store: unknown,
  ): void {
    entered = true;
    enterWith.call(this, store);
  } as typeof prototype.enterWith;

  installed = {
    open: () => open,
    uninstall: () => {
      prototype.run = run;
      prototype.enterWith = enterWith;
      installed = undefined;
    },
  };
  return installed;
}
