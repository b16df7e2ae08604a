/**
 * Semantic version of the event contracts: the envelope, every event type's data schema and
 * the AsyncAPI document. Its JSON Schemas are released in libs/contracts/schemas/<version>
 * and never change afterwards; see libs/contracts/README.md for when to bump which part.
 */
export const CONTRACTS_VERSION = '1.1.0';
