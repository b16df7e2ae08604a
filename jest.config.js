/** Four test tiers (DESIGN §6), each a Jest project selected by file suffix. */
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias}$`,
    `<rootDir>/${target.replace(/^\.\//, '')}`,
  ]),
);

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

const tier = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  transform,
  moduleNameMapper,
  testEnvironment: 'node',
  roots: [
    '<rootDir>/apps',
    '<rootDir>/libs',
    '<rootDir>/workflows',
    '<rootDir>/infra',
    '<rootDir>/test',
    '<rootDir>/bench',
  ],
  ...extra,
});

const serverTier = {
  globalSetup: '<rootDir>/test/global-setup.ts',
  setupFiles: ['<rootDir>/test/server-setup.ts'],
  // testTimeout is read only from the root config, not from a project's.
  setupFilesAfterEnv: ['<rootDir>/test/server-timeout.ts'],
};

module.exports = {
  projects: [
    tier('unit', ['**/*.spec.ts'], {
      testPathIgnorePatterns: ['\\.(wf|int|e2e)\\.spec\\.ts$', '/node_modules/', '/dist/'],
    }),
    tier('wf', ['**/*.wf.spec.ts'], { setupFilesAfterEnv: ['<rootDir>/test/server-timeout.ts'] }),
    tier('int', ['**/*.int.spec.ts'], serverTier),
    tier('e2e', ['**/*.e2e.spec.ts'], serverTier),
  ],
};
