import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { startApi } from './support/api-server';

/** The api serves the built console: assets, deep links, and headers that keep it to itself. */
describe('the console at /console (api)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'console-'));
  const previous = process.env.CONSOLE_DIR;
  let api: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    mkdirSync(join(directory, 'assets'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><title>Care console</title>');
    writeFileSync(join(directory, 'assets', 'index-abc123.js'), 'console.log("app")');
    process.env.CONSOLE_DIR = directory;
    ({ api, baseUrl } = await startApi());
  });

  afterAll(async () => {
    await api?.close();
    if (previous === undefined) delete process.env.CONSOLE_DIR;
    else process.env.CONSOLE_DIR = previous;
  });

  it.each([
    '/console/',
    '/console',
    '/console/stuck',
    '/console/episodes/7b0c0d55-1d43-4f3c-9b7f-2d0b1c8e9a11',
  ])(
    'answers %s with the page, never cached, under a same-origin content security policy',
    async (path) => {
      const response = await fetch(`${baseUrl}${path}`);

      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Care console</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it('serves hashed assets cached for a year, and a missing asset as 404 (not the page)', async () => {
    const asset = await fetch(`${baseUrl}/console/assets/index-abc123.js`);
    const missing = await fetch(`${baseUrl}/console/assets/gone-000.js`);

    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('max-age=31536000');
    expect(await asset.text()).toBe('console.log("app")');
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('Care console');
  });

  it('does not serve files outside the console directory', async () => {
    const response = await fetch(`${baseUrl}/console/..%2f..%2fetc%2fpasswd`);

    expect(await response.text()).not.toContain('root:');
  });

  it('keeps the api itself behind its tokens', async () => {
    expect((await fetch(`${baseUrl}/v1/ops/overview`)).status).toBe(401);
  });
});
