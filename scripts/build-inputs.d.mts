// Types of build-inputs.mjs, for the tests that import it (test/build-inputs.test.ts).
export declare const INPUT_FOLDERS: string[];
export declare const INPUT_FILES: string[];
export declare function currentRuntime(): unknown[];
export declare function inputFiles(root: string): string[];
export declare function inputsDigest(root: string, runtime?: unknown[]): string;
export declare function stampFile(root: string): string;
export declare function builtFrom(root: string, expected: string): boolean;
