import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(new URL('../../../src/bot/web/public/chat.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The CSS with every `@media (hover: hover) { … }` block taken out (one level of nested braces). */
function outsideHoverMedia(css: string): string {
  return css.replace(/@media\s*\(hover:\s*hover\)\s*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
}

// Session 17: on a phone a tapped button kept its :hover background (touch screens keep the last "hover" until the
// next tap elsewhere), so a choice looked still selected. Hover styles apply only where there is a real hover.
describe('the web chat stylesheet', () => {
  it('puts every :hover rule inside @media (hover: hover), so tapped buttons do not stay highlighted on phones', () => {
    expect(CSS).toMatch(/@media\s*\(hover:\s*hover\)/);
    expect(outsideHoverMedia(CSS)).not.toMatch(/:hover/);
  });

  it('still styles .choice:hover where a mouse hovers', () => {
    const media = CSS.match(/@media\s*\(hover:\s*hover\)\s*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g)?.join('\n') ?? '';
    expect(media).toMatch(/\.choice:hover/);
  });
});
