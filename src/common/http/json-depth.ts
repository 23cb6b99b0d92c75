/** The deepest nesting of arrays and objects a JSON body may have: far more than any form of ours needs. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/**
 * Whether JSON text nests arrays and objects deeper than `max`: one pass over its characters,
 * skipping strings, before anything parses or walks it, so a hostile body costs no more than its
 * length. Takes UTF-8 bytes (no byte of a multi-byte character is ASCII) or a string.
 */
export function jsonNestsDeeperThan(text: Uint8Array | string, max: number): boolean {
  const bytes = typeof text !== 'string';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = bytes ? text[i] : text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      if (++depth > max) return true;
    } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) depth--;
  }
  return false;
}
