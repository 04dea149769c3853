export declare const INSTALL_HINT: string;
export declare function findFirefox(env?: NodeJS.ProcessEnv): string | undefined;
