// The one Prisma client for the process, over node-postgres (no native engine).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { env } from "../env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { __cgPrisma?: PrismaClient };

export function createDb(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

export function db(): PrismaClient {
  if (!globalForDb.__cgPrisma) globalForDb.__cgPrisma = createDb(env().DATABASE_URL);
  return globalForDb.__cgPrisma;
}
