// A small element builder, so views read as markup without innerHTML (no injection of residents' text).

/**
 * `h('button', { class: 'btn', onclick }, 'Save')`. Attributes: `class`, `text` (a text key is NOT
 * translated here; pass `t(key)`), event handlers as `on<event>`, booleans set or removed, `dataset`.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name === 'value') el.value = value;
    else if (name === 'checked' || name === 'selected' || name === 'disabled' || name === 'hidden' || name === 'multiple' || name === 'required') el[name] = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces everything in `el` with `children`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let ids = 0;
/** A fresh id for label/field pairs. */
export const uid = (prefix = 'f') => `${prefix}-${++ids}`;
/** Whether `id` is one `uid()` made (it changes each time the page is drawn). */
export const isGeneratedId = (id) => /^[a-z]+-\d+$/.test(id);

/** A labelled field: `<div class="field"><label for>…</label><control id></div>`. */
export function field(labelText, control, hint) {
  if (!control.id) control.id = uid();
  const parts = [h('label', { for: control.id }, labelText), control];
  if (hint) {
    const hintEl = h('p', { class: 'field__hint', id: `${control.id}-hint` }, hint);
    control.setAttribute('aria-describedby', hintEl.id);
    parts.push(hintEl);
  }
  return h('div', { class: 'field' }, parts);
}

/** A `<select>` of `[value, label]` options with `selected` chosen. */
export function select(options, selected, attrs = {}) {
  return h(
    'select',
    attrs,
    options.map(([value, label]) => h('option', { value, selected: String(value) === String(selected ?? '') }, label)),
  );
}
