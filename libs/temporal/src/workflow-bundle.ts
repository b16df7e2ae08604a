import path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

/** The repository root in source form, or `dist/` once compiled: the layout is the same. */
const root = path.resolve(__dirname, '../../..');

export const workflowsPath = require.resolve(path.join(root, 'workflows/src/workflows'));

/** Lets the bundler resolve the domain library's alias when it bundles TypeScript sources. */
export const workflowBundleHook: NonNullable<BundleOptions['webpackConfigHook']> = (config) => ({
  ...config,
  resolve: {
    ...config.resolve,
    alias: {
      ...(config.resolve?.alias as Record<string, string> | undefined),
      '@care/domain': path.join(root, 'libs/domain/src'),
    },
  },
});
