import type { PrismaClient } from "@trigger.dev/database";

export function sessionsOf(prisma: PrismaClient) {
  return prisma;
}
