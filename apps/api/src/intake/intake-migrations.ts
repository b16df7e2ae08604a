import { CreateIntakeMessages1764900000000 } from './migrations/1764900000000-create-intake-messages';

export const intakeMigrations = [CreateIntakeMessages1764900000000];
