export declare const NAMES_FILE: URL;
export declare function tableOfNames(): Map<string, string>;
export declare function placeholdersOf(text: string): string[];
export declare const looksLikeName: (key: string) => boolean;
export declare function fillNames<T>(node: T, names?: Map<string, string>, unknown?: (key: string) => void): T;
