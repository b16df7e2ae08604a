import { CreateIntakeMessages1764900000000 } from './migrations/1764900000000-create-intake-messages';
import { CreateIntakeQueue1765100000000 } from './migrations/1765100000000-create-intake-queue';

export const intakeMigrations = [CreateIntakeMessages1764900000000, CreateIntakeQueue1765100000000];
