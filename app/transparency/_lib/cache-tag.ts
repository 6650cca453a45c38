// The cache tag of every public-record read: publishing anything drops them all.
export const PUBLIC_RECORD_TAG = "public-record";
