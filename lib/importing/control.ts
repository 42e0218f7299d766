/**
 * Terminal escape sequences (CSI such as colour codes, OSC such as window titles, and two-character escapes).
 * Each alternative's character classes are disjoint from what follows them, so a match attempt never backtracks.
 */
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?/g;
// C0 controls except tab, newline and carriage return; DEL; C1 controls.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
const ANY_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;

/** Removes terminal escape sequences and control characters (all but tab, newline, CR); says how many it removed. */
export function stripControl(text: string): { text: string; removed: number } {
  // Every escape sequence starts with ESC, itself a control character: a text without any (most) is returned after one
  // scan instead of two.
  if (!ANY_CONTROL.test(text)) return { text, removed: 0 };
  let removed = 0;
  const out = text
    .replace(ANSI, () => {
      removed++;
      return '';
    })
    .replace(CONTROL, () => {
      removed++;
      return '';
    });
  return { text: out, removed };
}
