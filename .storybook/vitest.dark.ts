// The dark run of the story tests: every story rendered with the dark theme (read by withTheme).
(globalThis as { __REFOLD_STORY_THEME__?: string }).__REFOLD_STORY_THEME__ = 'dark';
