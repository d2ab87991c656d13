// The part of jsdom's API that bench/network.ts uses (jsdom ships no types; @types/jsdom is not installed).
declare module 'jsdom' {
  /** A DOM in Node. */
  export class JSDOM {
    constructor(html?: string, options?: { url?: string; pretendToBeVisual?: boolean });
    /** The document's window. */
    readonly window: Window & typeof globalThis;
  }
}
