export interface SearchableDoc {
    docId: string;
    title: string;
    theme: string;
    text: string;
}
export interface SearchHit {
    docId: string;
    score: number;
    snippet: string;
}
export declare class FullTextIndex {
    private readonly docs;
    get size(): number;
    /** Adds or updates a document; its text is normalized again only if it changed (a 50-page text costs ~10 ms). */
    set(doc: SearchableDoc): void;
    ids(): string[];
    delete(docId: string): void;
    search(query: string, limit?: number): SearchHit[];
}
