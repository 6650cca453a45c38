// Transaction settings for writes that may queue behind cell locks under load.
export const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;
