import { Runtime } from '@temporalio/worker';

/**
 * Installs Temporal's runtime with its Prometheus exporter on a loopback port. Once per
 * process and before any worker exists, so only main.ts calls it; workers built in tests keep
 * the default runtime, and their /metrics says the core metrics are unavailable.
 */
export function installTemporalRuntime(metricsPort: number): void {
  Runtime.install({
    telemetryOptions: {
      metrics: {
        prometheus: { bindAddress: `127.0.0.1:${metricsPort}`, useSecondsForDurations: true },
      },
    },
  });
}
