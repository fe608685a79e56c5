// The bundle loader for tests: run dist/Code.js functions as fresh executions on the fakes.
export { loadBundle, runFresh, topLevelFunctions, type RunArgs, type RunOptions } from '../../dev/fakes/bundle';
