import { applyServerTestEnvironment } from './server-environment';

applyServerTestEnvironment();
