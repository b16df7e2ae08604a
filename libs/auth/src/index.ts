export * from './role';
export * from './principal';
export * from './token-verifier';
export * from './issue-token';
export * from './auth.decorators';
export * from './auth.guard';
export * from './auth.module';
