import { ReporterMetrics } from './reporter-metrics';

describe('ReporterMetrics as the subscriber observer', () => {
  it('counts outcomes, times events and keeps the lag of each partition', async () => {
    const metrics = new ReporterMetrics();

    metrics.processed('applied', 0.002);
    metrics.processed('applied', 0.002);
    metrics.processed('skipped', 0.0001);
    metrics.lag('care.episodes.analytics.v1', 4, 120);
    metrics.lag('care.episodes.analytics.v1', 4, 0);

    const exposition = await metrics.render();
    expect(exposition).toContain('care_reporter_events_total{outcome="applied"} 2');
    expect(exposition).toContain('care_reporter_events_total{outcome="skipped"} 1');
    expect(exposition).toContain('care_reporter_event_duration_seconds_count 3');
    expect(exposition).toContain(
      'care_reporter_consumer_lag_messages{topic="care.episodes.analytics.v1",partition="4"} 0',
    );
  });
});
