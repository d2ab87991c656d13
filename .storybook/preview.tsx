/// <reference types="vite/client" />
import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { configure } from 'storybook/test';
import type { StoryContext } from 'storybook/internal/csf';
import '../src/styles.css';
import { findOverflow } from '../test/browser-setup/overflow.js';
import { refoldBeforeEach, startStoryWorker, withRefold, withTheme } from './refold.js';

export type { RefoldStoryParameters, RefoldStoryState } from './refold.js';

// Stories wait for the mock over MSW: give `findBy…` the patience of a loaded 2-core CI machine.
configure({ asyncUtilTimeout: 5_000 });

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * After every story (in the story tests and in the UI): at 360 and at 1,280 px wide, nothing in it spills
 * out sideways or is cut off without an ellipsis (test/browser-setup/overflow.ts).
 */
async function fitsNarrowAndWide({ canvasElement }: StoryContext) {
  const width = canvasElement.style.width;
  const problems: string[] = [];
  try {
    for (const size of [360, 1280]) {
      canvasElement.style.width = `${size}px`;
      // Layout, resize observers and container queries catch up within two frames.
      await nextFrame();
      await nextFrame();
      problems.push(...findOverflow(canvasElement).map((line) => `at ${size} px: ${line}`));
    }
  } finally {
    canvasElement.style.width = width;
  }
  if (problems.length > 0) throw new Error(`The story does not fit its width:\n${problems.join('\n')}`);
}

const preview: Preview = {
  tags: ['autodocs'],
  // MSW's worker (msw-storybook-addon 3: no `initialize`); the mock Refold of each render is set up in
  // `beforeEach` and reached through `context.refold`. Story-specific MSW overrides: `beforeEach({ msw })`.
  loaders: [mswLoader(startStoryWorker)],
  beforeEach: [refoldBeforeEach],
  afterEach: [fitsNarrowAndWide],
  // The last one is the outermost: theme frame › provider › story.
  decorators: [withRefold, withTheme],
  globalTypes: {
    theme: {
      description: 'Colour theme (data-theme)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: "RefoldProvider's locale",
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'fr', title: 'Français' },
          { value: 'de', title: 'Deutsch' },
          { value: 'ja', title: '日本語' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: {
    // Every story is an accessibility test: axe's WCAG 2.2 AA violations fail it (in Vitest and the UI).
    a11y: {
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
    },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;
