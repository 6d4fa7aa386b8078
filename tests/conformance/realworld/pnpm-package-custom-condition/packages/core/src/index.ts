export const VERSION = "4.5.12";
