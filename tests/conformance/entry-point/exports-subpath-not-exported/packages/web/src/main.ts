import { ui } from '@acme/ui';
import { theme } from '@acme/ui/src/internal/theme';

export const main = [ui, theme];
