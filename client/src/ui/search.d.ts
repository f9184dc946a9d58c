export declare function normalize(text: string): string;
export declare function matches(haystack: string, query: string): boolean;
