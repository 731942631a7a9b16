/** A database operation failed. `cause` holds the driver's error; the message never contains row data. */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(operation: string, cause: unknown) {
    super(`Storage operation failed: ${operation}`, { cause });
  }
}
