import { readFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadConfig } from '@care/platform';
import { careDataConverter } from '@care/temporal';

const { IndexedValueType } = temporal.api.enums.v1;

const valueTypes: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  Text: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Int: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  Double: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  Bool: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KeywordList: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/** The search attributes the local stack registers, read from the same list. */
function customSearchAttributes(): Record<string, temporal.api.enums.v1.IndexedValueType> {
  const listed = readFileSync(
    path.resolve(__dirname, '../infra/temporal/search-attributes.txt'),
    'utf8',
  );
  return Object.fromEntries(
    listed
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter((line) => line.includes('='))
      .map((line) => {
        const [name, type] = line.split('=') as [string, string];
        const valueType = valueTypes[type];
        if (valueType === undefined) throw new Error(`unknown search attribute type ${type}`);
        return [name, valueType];
      }),
  );
}

/**
 * The time-skipping test server installed by infra/local (`npm run stack:up` installs it), with
 * a client that encrypts payloads like the apps do.
 */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    client: { dataConverter: careDataConverter(loadConfig()) },
    server: {
      executable: {
        type: 'existing-path',
        path:
          process.env.TEMPORAL_TEST_SERVER_PATH ??
          path.resolve(__dirname, '../.tools/bin/temporal-test-server'),
      },
    },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: customSearchAttributes(),
  });
  return env;
}
