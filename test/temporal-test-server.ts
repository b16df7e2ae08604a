import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';

/** The time-skipping test server installed by infra/local (`npm run stack:up` installs it). */
export const createTimeSkippingEnvironment = (): Promise<TestWorkflowEnvironment> =>
  TestWorkflowEnvironment.createTimeSkipping({
    server: {
      executable: {
        type: 'existing-path',
        path:
          process.env.TEMPORAL_TEST_SERVER_PATH ??
          path.resolve(__dirname, '../.tools/bin/temporal-test-server'),
      },
    },
  });
