export * from './address-class';
export * from './deliveries-channel';
export * from './resolve-webhook-target';
export * from './secret-cipher';
export * from './target-policy';
export * from './webhook-secret';
export * from './webhook-signature';
export * from './webhook-target';
