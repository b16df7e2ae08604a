import type { Hl7Segment } from '@medplum/core';
import type { Zone } from 'luxon';
import { decodeEr7 } from './er7-escape';
import { componentText, fieldLocation, fieldText } from './er7-fields';
import { Hl7ErrorCode, type Hl7Issue, hl7Issue } from './hl7-issue';
import { type Hl7TimeResult, parseHl7Date, parseHl7Instant } from './hl7-timestamp';

export interface TextField {
  field: number;
  /** What the field holds, in words, for error messages: 'visit number'. */
  label: string;
  /** The component of the first repetition to read; without it, the whole field as sent. */
  component?: number;
  required?: boolean;
  maxLength?: number;
}

export interface InstantOptions {
  required: boolean;
  /** The zone of a timestamp without an offset. */
  defaultZone: Zone;
}

/**
 * Reads decoded values from one segment, recording an issue for each value that is missing or
 * malformed; a value it cannot read comes back undefined.
 */
export class SegmentReader {
  constructor(
    readonly segment: Hl7Segment,
    private readonly issues: Hl7Issue[],
  ) {}

  has(field: number): boolean {
    return fieldText(this.segment, field) !== '';
  }

  /** Records an issue at a field; `problem` follows the location: 'PID-8 <problem>'. */
  report(code: Hl7ErrorCode, field: number, problem: string): void {
    const location = fieldLocation(this.segment, field);
    this.issues.push(hl7Issue(code, `${location} ${problem}`, location));
  }

  /** One component or subcomponent as sent, decoded; '' stays ''. */
  decode(field: number, raw: string, label: string): string | undefined {
    const decoded = decodeEr7(raw);
    if (decoded === undefined) {
      this.report(
        Hl7ErrorCode.dataTypeError,
        field,
        `${label} holds an escape sequence other than \\F\\ \\S\\ \\T\\ \\R\\ \\E\\`,
      );
    }
    return decoded;
  }

  /** Decoded text of the field or one of its components; undefined when empty. */
  text({ field, label, component, required = false, maxLength }: TextField): string | undefined {
    const raw =
      component === undefined
        ? fieldText(this.segment, field)
        : componentText(this.segment, field, component);
    if (raw === '') {
      if (required) this.report(Hl7ErrorCode.requiredFieldMissing, field, `${label} is required`);
      return undefined;
    }
    const text = this.decode(field, raw, label);
    if (text !== undefined && maxLength !== undefined && text.length > maxLength) {
      this.report(
        Hl7ErrorCode.dataTypeError,
        field,
        `${label} is longer than ${maxLength} characters`,
      );
      return undefined;
    }
    return text;
  }

  /** An instant as ISO 8601 with offset, from the field's DTM (TS-1). */
  instant(field: number, label: string, options: InstantOptions): string | undefined {
    return this.time(field, label, options.required, (dtm) =>
      parseHl7Instant(dtm, options.defaultZone),
    );
  }

  /** An instant from one DTM as sent (a repetition's TS-1), reported at the field. */
  instantOf(field: number, dtm: string, label: string, defaultZone: Zone): string | undefined {
    return this.valueOf(field, label, parseHl7Instant(dtm, defaultZone));
  }

  /** A calendar date YYYY-MM-DD, from the field's DTM (TS-1). */
  date(field: number, label: string): string | undefined {
    return this.time(field, label, false, parseHl7Date);
  }

  private time(
    field: number,
    label: string,
    required: boolean,
    parse: (dtm: string) => Hl7TimeResult,
  ): string | undefined {
    const dtm = componentText(this.segment, field);
    if (dtm === '') {
      if (required) this.report(Hl7ErrorCode.requiredFieldMissing, field, `${label} is required`);
      return undefined;
    }
    return this.valueOf(field, label, parse(dtm));
  }

  private valueOf(field: number, label: string, parsed: Hl7TimeResult): string | undefined {
    if (parsed.ok) return parsed.value;
    this.report(Hl7ErrorCode.dataTypeError, field, `${label} ${parsed.problem}`);
    return undefined;
  }
}
