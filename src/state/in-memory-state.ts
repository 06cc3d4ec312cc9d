import { loadBinding } from '../native/load';
import { AbstractState } from './abstract-state';

/**
 * A State in this process's memory (libmesos's InMemoryStorage), lost when the object
 * is; for tests and single-process use.
 */
export class InMemoryState extends AbstractState {
  constructor() {
    const binding = loadBinding();
    super(Promise.resolve(new binding.State('in-memory')));
  }
}
