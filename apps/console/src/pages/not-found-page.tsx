import { Link } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { homeOf } from '../auth/console-access';

export function NotFoundPage() {
  const home = homeOf(useAuth().access);
  return (
    <>
      <title>Not found · Care transitions console</title>
      <h1>Page not found</h1>
      <p>
        The console has no such page.
        {home && (
          <>
            {' '}
            <Link to={home.path}>Go to {home.name}</Link>.
          </>
        )}
      </p>
    </>
  );
}
