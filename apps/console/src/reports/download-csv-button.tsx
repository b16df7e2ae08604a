import { useState } from 'react';
import { problemFromError } from '../api/api-problem';
import type { ReportQuery } from '../api/console-api';
import type { Problem } from '../api/contract';
import { useApi } from '../auth/auth-context';
import { ProblemView } from '../components/problem-view';
import { csvFileName } from './csv-file-name';
import type { ReportName } from './report-catalog';
import { saveBlob } from './save-blob';

/**
 * Downloads the report as the api writes it in CSV, with the user's token: a plain link could
 * not send it.
 */
export function DownloadCsvButton({ report, query }: { report: ReportName; query: ReportQuery }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();

  async function download() {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const { blob, disposition } = await api.reportCsv(report, query);
      saveBlob(blob, csvFileName(disposition, { report, ...query }));
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="report-download">
      <button type="button" onClick={() => void download()} aria-disabled={busy || undefined}>
        Download CSV
      </button>
      {busy && <span className="muted">Preparing the file…</span>}
      {problem && <ProblemView problem={problem} alert />}
    </div>
  );
}
