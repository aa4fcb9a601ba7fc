/** Channels of the reference domain (see shared/contract.ts for the rules every entry follows). */
export const referenceContract = {} as const;
