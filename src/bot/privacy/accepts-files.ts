/** A conversation's state as `runner.inspect` returns it. */
export interface InspectedConversation {
  value: unknown;
  context: unknown;
  children: Record<string, { value: unknown; context: unknown }>;
}

/**
 * Whether the conversation is waiting for a file now: the resident agreed to their data being kept,
 * and either an application asks for its documents or a person holds the conversation. A file sent at
 * any other time is refused before it is written anywhere. Add a case here when another step asks for files.
 */
export function acceptsFiles(state: InspectedConversation | undefined): boolean {
  if (!state) return false;
  const context = state.context as { consented?: unknown; handoff?: unknown } | undefined;
  if (context?.consented !== true) return false;
  if (context.handoff === 'live') return true;
  const intake = state.children.intake?.context as { step?: unknown } | undefined;
  return intake?.step === 'documents';
}
