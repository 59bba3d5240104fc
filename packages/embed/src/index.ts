export { install, scriptConfig, widgets, type KithApi } from './loader.ts';
