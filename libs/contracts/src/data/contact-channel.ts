import { z } from 'zod';

export const contactChannel = z.enum(['phone', 'video', 'in_person', 'portal']);
