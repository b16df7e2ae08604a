import { DefaultFailureConverter } from '@temporalio/common';

/** Failure messages and stack traces go into an encoded payload, so the codec encrypts them. */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
