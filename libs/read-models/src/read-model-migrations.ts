import { CreateEpisodeReadModels1764400000000 } from './migrations/1764400000000-create-episode-read-models';

export const readModelMigrations = [CreateEpisodeReadModels1764400000000];
