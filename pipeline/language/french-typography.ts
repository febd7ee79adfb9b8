/** French typography: no-break spaces at high punctuation, in « », and in grouped numbers. */

const NBSP = '\u00a0';
const NNBSP = '\u202f';

export function typesetFrench(text: string): string {
  return (
    text
      // Spaces before high punctuation become no-break, so that it never starts a line.
      .replace(/[ \u00a0\u202f]+([;!?])/g, `${NNBSP}$1`)
      .replace(/[ \u00a0\u202f]+(:)(?=\s|$)/g, `${NBSP}$1`)
      .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
      .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`)
      // English-style grouping: 2,000,000 (two groups or more), or 300,000 (a round thousand).
      // A single group such as 1,250 stays: in French it is a decimal number.
      .replace(/\b\d{1,3}(?:,\d{3}){2,}\b(?!,\d)/g, (number) => number.replaceAll(',', NBSP))
      .replace(/\b(\d{1,3}),(000)\b(?![,.]\d)/g, `$1${NBSP}$2`)
      // Grouping with ordinary or narrow spaces must not break across lines either.
      .replace(/\b(\d{1,3})(?:[ \u202f](\d{3}))+\b/g, (number) => number.replace(/[ \u202f]/g, NBSP))
  );
}
