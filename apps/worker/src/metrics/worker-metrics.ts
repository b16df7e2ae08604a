import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The worker's scrape: its process metrics, followed by what Temporal's core exports on a
 * loopback port (workflow and activity task latency, schedule-to-start, sticky cache, polls),
 * so one endpoint serves the whole worker.
 */
export class WorkerMetrics {
  private readonly registry = new Registry();

  constructor(private readonly temporalMetricsUrl: string) {
    collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  async render(): Promise<string> {
    return [await this.registry.metrics(), await this.temporalMetrics()].join('\n');
  }

  private async temporalMetrics(): Promise<string> {
    if (!this.temporalMetricsUrl)
      return '# Temporal core metrics are not exported by this process\n';
    try {
      const response = await fetch(this.temporalMetricsUrl, { signal: AbortSignal.timeout(2_000) });
      return response.ok
        ? await response.text()
        : `# Temporal core metrics: HTTP ${response.status}\n`;
    } catch (error) {
      return `# Temporal core metrics unavailable: ${error instanceof Error ? error.message : String(error)}\n`;
    }
  }
}
