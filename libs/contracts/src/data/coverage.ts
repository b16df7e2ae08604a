import { z } from 'zod';

export const payerClass = z
  .enum(['medicare', 'medicare_advantage', 'medicaid', 'commercial', 'self_pay', 'other'])
  .describe('The class of payer; whether it pays for TCM is the tenant’s setting.');
