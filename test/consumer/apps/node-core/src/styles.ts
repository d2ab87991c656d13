// Type-checked only, never run: the stylesheet's import type-checks in a bare TypeScript setup with no
// `*.css` declarations (TypeScript 6 checks side-effect imports).
import '@refold/react/styles.css';
