import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * The episode's search attributes (registered from infra/temporal/search-attributes.txt).
 * Codes, instants and tenant ids only: nothing here may identify a patient.
 */
export const careSearchAttributes = {
  stage: defineSearchAttributeKey('CareStage', SearchAttributeType.KEYWORD),
  riskTier: defineSearchAttributeKey('CareRiskTier', SearchAttributeType.KEYWORD),
  stuckReasons: defineSearchAttributeKey('CareStuckReason', SearchAttributeType.KEYWORD_LIST),
  nextDeadline: defineSearchAttributeKey('CareNextDeadline', SearchAttributeType.DATETIME),
  tenant: defineSearchAttributeKey('CareTenant', SearchAttributeType.KEYWORD),
};
