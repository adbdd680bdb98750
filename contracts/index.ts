/** The contracts shared by the API, the bot and the mini-program. */
export * from './enums';
export * from './labels';
export * from './schemas';
export * from './validation';
export * from './client';
export * from './engagement';
export * from './identity';
export * from './format';
export * from './calendar';
export * from './admin';
