export * from './units';
export * from './users';
export * from './platform';
export * from './catalog';
export * from './calendar';
export * from './files';
export * from './dossiers';
export * from './payments';
