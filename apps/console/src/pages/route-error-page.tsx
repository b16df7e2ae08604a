import { isRouteErrorResponse, useRouteError } from 'react-router';

/** What shows when a page fails to render: the console cannot go on from there. */
export function RouteErrorPage() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <main id="main">
      <title>Error · Care transitions console</title>
      <h1>Something went wrong</h1>
      <div className="notice notice-problem" role="alert">
        <p className="notice-title">The page could not be shown</p>
        <p>{detail}</p>
      </div>
      <button type="button" onClick={() => window.location.reload()}>
        Reload the console
      </button>
    </main>
  );
}
