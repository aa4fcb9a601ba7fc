/** Channels of the intake-leads domain (see shared/contract.ts for the rules every entry follows). */
export const intakeLeadsContract = {} as const;
