import { gone } from "./gone";
export const x = gone;
