/**
 * The demo site: `npm run build` gives a static site that works from any sub-path of a host
 * (vite's relative base). This serves the built dist/ under /some/deep/path/ and uses the page
 * there: the playground, a shared link, a Web Worker (the ELK layout) and a data file (the real
 * kernel graph).
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const PREFIX = '/some/deep/path/';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

let server: Server;
let base = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    // Only the sub-path is served: a request for an absolute /assets/... URL is a bug, not a file.
    if (!path.startsWith(PREFIX)) {
      res.writeHead(404).end();
      return;
    }
    const file = normalize(join(DIST, path.slice(PREFIX.length) || 'index.html'));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}${PREFIX}`;
});

test.afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

test('the built site works from a sub-path: playground, shared link, layout worker, kernel data', async ({ page }) => {
  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  await page.goto(`${base}#preset=P08&variant=split`);
  await expect(page.getByRole('heading', { name: 'klp-playground' })).toBeVisible();
  await expect(page.getByText('Situation 1: type B recursion').first()).toBeVisible();
  // The dependency graph is laid out by ELK in a Web Worker loaded relative to the page.
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });

  await page.goto(`${base}#view=kernel&module=nf_tables`);
  await expect(page.getByRole('heading', { name: 'nf_tables', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('kernel-graph')).toHaveAttribute('data-module', 'nf_tables');

  expect(missing).toEqual([]);
  expect(errors).toEqual([]);
});
