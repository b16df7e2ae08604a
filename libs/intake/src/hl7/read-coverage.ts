import type { Hl7Segment } from '@medplum/core';
import type { PatientCoverage } from '../intake-event';
import { MAX_IDENTIFIER_LENGTH } from './adt-limits';
import { componentText } from './er7-fields';
import type { Hl7Issue } from './hl7-issue';
import { SegmentReader } from './segment-reader';

const MAX_NAME_LENGTH = 250;

/**
 * The insurance of the IN1 segments. A coverage the intake cannot read does not hold back the
 * discharge it came with: its problems become notices and the coverage is left out.
 */
export function readCoverages(
  segments: readonly Hl7Segment[],
  notices: string[],
): PatientCoverage[] {
  return segments.flatMap((segment, index) => {
    const issues: Hl7Issue[] = [];
    const coverage = readCoverage(new SegmentReader(segment, issues), index + 1);
    notices.push(...issues.map((issue) => `IN1 ${index + 1} left out: ${issue.message}`));
    if (issues.length > 0) return [];
    if (coverage.payerId === undefined && coverage.payerName === undefined) {
      notices.push(`IN1 ${index + 1} left out: it names no insurance company (IN1-3 or IN1-4)`);
      return [];
    }
    return [coverage];
  });
}

function readCoverage(in1: SegmentReader, position: number): PatientCoverage {
  const setId = Number(componentText(in1.segment, 1));
  const coverage: PatientCoverage = {
    priority: Number.isInteger(setId) && setId > 0 ? setId : position,
  };
  const read = (field: number, label: string, maxLength: number) =>
    in1.text({ field, label, component: 1, maxLength });
  const payerId = read(3, 'insurance company id', MAX_IDENTIFIER_LENGTH);
  if (payerId !== undefined) coverage.payerId = payerId;
  const payerName = read(4, 'insurance company name', MAX_NAME_LENGTH);
  if (payerName !== undefined) coverage.payerName = payerName;
  const planId = read(2, 'insurance plan id', MAX_IDENTIFIER_LENGTH);
  if (planId !== undefined) coverage.planId = planId;
  const planType = read(15, 'plan type', MAX_IDENTIFIER_LENGTH);
  if (planType !== undefined) coverage.planType = planType;
  const memberId =
    read(36, 'policy number', MAX_IDENTIFIER_LENGTH) ??
    read(49, "insured's id number", MAX_IDENTIFIER_LENGTH);
  if (memberId !== undefined) coverage.memberId = memberId;
  return coverage;
}
