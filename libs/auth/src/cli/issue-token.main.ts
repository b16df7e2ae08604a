/**
 * `npm run token -- --role ops --tenant demo [--role analyst] [--subject alice] [--expires 8h]`
 * prints a development token signed with AUTH_JWT_SECRET.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '@care/platform';
import { issueToken } from '../issue-token';
import { ROLES, type Role } from '../role';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      tenant: { type: 'string' },
      subject: { type: 'string', default: 'developer' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const roles = values.role ?? [];
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (roles.length === 0 || unknown.length > 0 || !values.tenant) {
    throw new Error(`usage: npm run token -- --role <${ROLES.join('|')}> --tenant <id>`);
  }
  const token = await issueToken(
    loadConfig(),
    { subject: values.subject, roles: roles as Role[], tenantId: values.tenant },
    values.expires,
  );
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
