import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <>
      <title>Not found · Care transitions console</title>
      <h1>Page not found</h1>
      <p>
        The console has no such page. <Link to="/">Go to the overview</Link>.
      </p>
    </>
  );
}
