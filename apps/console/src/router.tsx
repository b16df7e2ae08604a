import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/app-layout';
import { RequireAccess } from './components/require-access';
import { EpisodePage } from './pages/episode-page';
import { NotFoundPage } from './pages/not-found-page';
import { RouteErrorPage } from './pages/route-error-page';
import { StuckQueuePage } from './pages/stuck-queue-page';

// The charts are most of the console's weight: only the overview and the reports load them.
const OverviewPage = lazy(async () => ({
  default: (await import('./pages/overview-page')).OverviewPage,
}));
const ReportsPage = lazy(async () => ({
  default: (await import('./pages/reports-page')).ReportsPage,
}));

const withCharts = (page: ReactNode) => (
  <Suspense fallback={<p className="muted">Loading…</p>}>{page}</Suspense>
);

export const router = createBrowserRouter(
  [
    {
      path: '/',
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        {
          index: true,
          element: (
            <RequireAccess part="operations" start>
              {withCharts(<OverviewPage />)}
            </RequireAccess>
          ),
        },
        {
          path: 'stuck',
          element: (
            <RequireAccess part="operations">
              <StuckQueuePage />
            </RequireAccess>
          ),
        },
        {
          path: 'episodes/:episodeId',
          element: (
            <RequireAccess part="operations">
              <EpisodePage />
            </RequireAccess>
          ),
        },
        {
          path: 'reports',
          element: <RequireAccess part="reports">{withCharts(<ReportsPage />)}</RequireAccess>,
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/console' },
);
