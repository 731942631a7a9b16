/** Kept for imports that predate the repository interface. */
export * from './staff-chat-repository.js';
