import { ui } from '@acme/ui';
import { theme } from '@acme/ui/src/theme';

export const main = [ui, theme];
