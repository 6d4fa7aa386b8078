import { header } from '~/components/header';

export const home = header;
