/** Channels of the search domain (see shared/contract.ts for the rules every entry follows). */
export const searchContract = {} as const;
