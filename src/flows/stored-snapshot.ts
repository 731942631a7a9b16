/** A stored conversation snapshot as plain JSON (what `getPersistedSnapshot` wrote), for code that reshapes it. */
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `snapshot` with `change` applied to the persisted context of its running intake child, if there is one. */
export function withIntakeContext(snapshot: Json, change: (context: Json) => Json): Json {
  const children = snapshot.children;
  if (!isObject(children) || !isObject(children.intake)) return snapshot;
  const child = children.intake;
  const inner = child.snapshot;
  if (!isObject(inner) || !isObject(inner.context)) return snapshot;
  return {
    ...snapshot,
    children: { ...children, intake: { ...child, snapshot: { ...inner, context: change(inner.context) } } },
  };
}
