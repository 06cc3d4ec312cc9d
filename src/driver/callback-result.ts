/** What a callback returns: nothing, or a promise the next event waits for. */
export type CallbackResult = void | Promise<void>;
