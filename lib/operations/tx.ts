// Transaction settings for writes that may queue behind cell locks under load.
export const TX_OPTIONS = { maxWait: 30_000, timeout: 60_000 } as const;
