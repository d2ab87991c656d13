/// <reference types="vite/client" />
import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { configure } from 'storybook/test';
import '../src/styles.css';
import { refoldBeforeEach, startStoryWorker, withRefold, withTheme } from './refold.js';

export type { RefoldStoryParameters, RefoldStoryState } from './refold.js';

// Stories wait for the mock over MSW: give `findBy…` the patience of a loaded 2-core CI machine.
configure({ asyncUtilTimeout: 5_000 });

const preview: Preview = {
  tags: ['autodocs'],
  // MSW's worker (msw-storybook-addon 3: no `initialize`); the mock Refold of each render is set up in
  // `beforeEach` and reached through `context.refold`. Story-specific MSW overrides: `beforeEach({ msw })`.
  loaders: [mswLoader(startStoryWorker)],
  beforeEach: [refoldBeforeEach],
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
