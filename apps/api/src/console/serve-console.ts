import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/** The console talks only to this origin; charts set inline styles. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const securityHeaders = (_request: Request, response: Response, next: NextFunction): void => {
  response.set({
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  next();
};

/**
 * Serves the built operations console at /console: its hashed assets for a year, and its
 * index page (never cached) for every other path under /console, so deep links work. The
 * page holds no data: everything it shows comes from the api with the user's token.
 */
export function serveConsole(app: INestApplication, directory: string): void {
  const root = resolve(directory);
  const index = join(root, 'index.html');
  const sendIndex = (_request: Request, response: Response): void => {
    if (!existsSync(index)) {
      response
        .status(404)
        .type('text/plain')
        .send('The console is not built: run npm run build:console.');
      return;
    }
    response.set('cache-control', 'no-cache').sendFile(index);
  };
  app.use('/console', securityHeaders);
  app.use(
    '/console/assets',
    express.static(join(root, 'assets'), { immutable: true, maxAge: '365d' }),
    (_request: Request, response: Response) => {
      response.status(404).type('text/plain').send('No such console asset.');
    },
  );
  app.use('/console', express.static(root, { index: false, redirect: false }));
  app.use('/console', (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    sendIndex(request, response);
  });
}
