import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/app-layout';
import { EpisodePage } from './pages/episode-page';
import { NotFoundPage } from './pages/not-found-page';
import { RouteErrorPage } from './pages/route-error-page';
import { StuckQueuePage } from './pages/stuck-queue-page';

// The charts are most of the console's weight: only the overview loads them.
const OverviewPage = lazy(async () => ({
  default: (await import('./pages/overview-page')).OverviewPage,
}));

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
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <OverviewPage />
            </Suspense>
          ),
        },
        { path: 'stuck', element: <StuckQueuePage /> },
        { path: 'episodes/:episodeId', element: <EpisodePage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/console' },
);
