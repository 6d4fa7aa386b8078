export const WhoAmIResponseSchema = { userId: "string" };
