import type { Variable } from './variable';

/**
 * State shared between components (Java's `org.apache.mesos.state.State`), as named,
 * versioned variables. Fetch a variable, `mutate()` it, and store it: the store succeeds
 * only if nobody stored or expunged that variable since it was fetched. Every operation
 * returns a Promise, settled on the JS thread when libmesos's future completes; an
 * operation that fails rejects with an {@link OperationFailedError} carrying libmesos's
 * message. A State with an operation pending keeps the process alive; one with none does
 * not.
 *
 * Implementations: {@link ZooKeeperState}, {@link LevelDBState}, {@link LogState},
 * {@link InMemoryState}.
 */
export interface State {
  /** The variable of that name; a new, empty one if it was never stored. */
  fetch(name: string): Promise<Variable>;
  /**
   * Stores the variable. Resolves with the stored variable (its new version), or with
   * `null` when the variable is stale: it changed or was expunged since it was fetched
   * (Java's `store` returns null then); nothing was stored.
   */
  store(variable: Variable): Promise<Variable | null>;
  /**
   * Removes the variable. Resolves true if it was removed, false if it did not exist or
   * was stale.
   */
  expunge(variable: Variable): Promise<boolean>;
  /** The names of the variables in the state, sorted. */
  names(): Promise<string[]>;
}
