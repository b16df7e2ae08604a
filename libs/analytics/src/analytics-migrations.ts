import { CreateAnalyticsKeys1765500000000 } from './migrations/1765500000000-create-analytics-keys';
import { RelayPublishesAnalytics1765700000000 } from './migrations/1765700000000-relay-publishes-analytics';

export const analyticsMigrations = [
  CreateAnalyticsKeys1765500000000,
  RelayPublishesAnalytics1765700000000,
];
