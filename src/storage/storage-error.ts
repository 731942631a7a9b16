/** A database operation failed. `cause` holds the driver's error; the message never contains row data. */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(operation: string, cause: unknown) {
    super(`Storage operation failed: ${operation}`, { cause });
  }
}

/**
 * A commit whose outcome is not known: the thread running it stopped before answering, so it may or may not be
 * in the file. Never retried (a retry could write the same turn twice); its callers are told it failed.
 */
export class CommitOutcomeUnknown extends StorageError {
  override name = 'CommitOutcomeUnknown';
  constructor() {
    super('group commit', new Error('the script worker stopped'));
  }
}
