import { type Role, type SigningKey } from '@maillage/shared';
export interface TestWorkspace {
    ws: string;
    root: SigningKey;
    token(options?: {
        role?: Role;
        member?: string;
        device?: string;
        expiresInSeconds?: number;
        now?: number;
        key?: SigningKey;
    }): Promise<string>;
    /** A coordinator key of its own, with a root-signed delegation. */
    delegate(member: string): Promise<{
        key: SigningKey;
        jti: string;
    }>;
}
export declare function newSigningKey(): Promise<SigningKey>;
export declare function newTestWorkspace(): Promise<TestWorkspace>;
