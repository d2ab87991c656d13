/**
 * App lists for the catalog's stories and browser tests, in Refold's wire shape, to serve with
 * `mock.inject({ path: APPS_PATH }, { body, times: Infinity })`.
 *
 * @module
 */
import type { Application } from '../../src/core/types.js';

/** The route of the app list. */
export const APPS_PATH = '/api/v2/f-sdk/application';

/** Markup that must stay text. */
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
export const HOSTILE_DESCRIPTION = '<script>alert(1)</script> and <b>bold</b> claims';

/** Apps whose text is markup and whose icons are outside the allow-list. */
export const hostileApps: Application[] = [
  {
    name: HOSTILE_NAME,
    slug: 'hostile-img',
    description: HOSTILE_DESCRIPTION,
    icon: 'javascript:alert(1)',
    tags: ['<i>Tag</i>'],
  },
  {
    name: '<script>alert("name")</script>',
    slug: 'hostile-script',
    description: '<img src=x onerror=alert(2)>',
    icon: 'data:text/html,<script>alert(1)</script>',
    tags: ['<i>Tag</i>'],
  },
  {
    name: 'Plain http icon',
    slug: 'hostile-http',
    description: 'An icon on plain http elsewhere.',
    icon: 'http://evil.example/x.png',
    tags: ['Other'],
  },
  {
    name: 'Protocol-relative icon',
    slug: 'hostile-relative',
    description: 'An icon on another origin without a scheme.',
    icon: '//evil.example/x.png',
  },
];

const TAGS = ['CRM', 'Support', 'Finance', 'Marketing', 'Productivity', 'Communication', 'Analytics', 'HR'];
const WORDS = ['Alpha', 'Bright', 'Cloud', 'Delta', 'Echo', 'Fusion', 'Giga', 'Hyper', 'Ion', 'Jet'];

/**
 * `count` generated apps, sorted by name: "Alpha Sync 0000" … Every 7th is connected, every 50th has an
 * expired connection. Icons are left out (initials), so nothing is downloaded.
 */
export function manyApps(count: number): Application[] {
  return Array.from({ length: count }, (_, i) => {
    const number = String(i).padStart(5, '0');
    const connected =
      i % 7 === 0
        ? [
            {
              identifier: `user${i}@example.com`,
              auth_type: 'oauth2' as const,
              connectedAt: '2026-01-01T00:00:00Z',
            },
          ]
        : i % 50 === 1
          ? [
              {
                identifier: `old${i}@example.com`,
                auth_type: 'keybased' as const,
                connectedAt: '2025-01-01T00:00:00Z',
                status: 'expired' as const,
              },
            ]
          : [];
    return {
      name: `${WORDS[Math.floor((i * WORDS.length) / count)]} App ${number}`,
      slug: `app-${number}`,
      description: `Generated app number ${i} for the 10,000 apps case.`,
      tags: [TAGS[i % TAGS.length]!],
      connected_accounts: connected,
    };
  });
}
