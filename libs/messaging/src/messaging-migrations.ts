import { CreateInbox1764300000000 } from './migrations/1764300000000-create-inbox';

export const messagingMigrations = [CreateInbox1764300000000];
