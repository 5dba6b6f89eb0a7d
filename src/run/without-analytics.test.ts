import { describe, expect, it } from 'vitest';
import { withoutAnalytics } from './write-reports.ts';

// The head of Allure 3's page as @allurereport/plugin-awesome writes it with analyticsEnable on.
const ANALYTICS = `<script async src="https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0"></script>
    <script>
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('js', new Date());
    </script>
    `;

describe('withoutAnalytics', () => {
  it('cuts the third-party script and its inline set-up, and keeps every other script', () => {
    const page = `<html><body><script>window.allure = {};</script>\n    ${ANALYTICS}<script src="app-1.js"></script></body></html>`;
    expect(withoutAnalytics(page)).toBe('<html><body><script>window.allure = {};</script>\n    <script src="app-1.js"></script></body></html>');
  });

  it('keeps a single-file report whole: megabytes of inline script, which may mention gtag( itself, in linear time', () => {
    const app = `<script>${'var a=1;'.repeat(700_000)} if (window.gtag) gtag('event');</script>`;
    const page = `<html><body>${ANALYTICS}${app}</body></html>`;
    expect(withoutAnalytics(page)).toBe(`<html><body>${app}</body></html>`);
  });
});
