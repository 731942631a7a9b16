const AGREE = /^(同意|我同意|好|好的|可以|行|是|是的|yes|y|ok|okay|agree|i agree|sure)[!！。.]*$/i;
const DECLINE = /^(不同意|不|不要|不行|否|no|n|decline|i do not agree|i don't agree)[!！。.]*$/i;

/** Reads a typed yes/no to the privacy notice; `null` when the text is neither. */
export function readConsent(text: string): 'agree' | 'decline' | null {
  const t = text.trim();
  if (AGREE.test(t)) return 'agree';
  if (DECLINE.test(t)) return 'decline';
  return null;
}
