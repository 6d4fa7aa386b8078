import type { PrismaClient } from "../generated/prisma";

export type PrismaTransactionClient = Omit<PrismaClient, "$connect" | "$disconnect">;
