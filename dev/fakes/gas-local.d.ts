// Types for the parts of gas-local the bundle loader uses (the package ships none).
declare module 'gas-local' {
  /** vm.createContext(globalObject), then runs every file of the folder the filter accepts in it. */
  export function require(folderPath: string, globalObject?: object,
    options?: { filter?: (filePath: string) => boolean }): Record<string, unknown>;
}
