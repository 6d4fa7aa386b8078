import { shop } from '@acme/shop';

export const orders = shop;
