/** Dossier workflow: the status/action table and the state derived from the action log. */
export * from './dossier-workflow';
export * from './dossier-state';
export * from './dossier-code';
export * from './dossier-deadlines';
