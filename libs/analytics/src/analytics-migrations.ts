import { CreateAnalyticsKeys1765500000000 } from './migrations/1765500000000-create-analytics-keys';

export const analyticsMigrations = [CreateAnalyticsKeys1765500000000];
