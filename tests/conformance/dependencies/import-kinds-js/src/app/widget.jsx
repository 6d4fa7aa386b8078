import { Icon } from '../lib/icon.jsx';

export const Widget = () => <Icon name="rocket" />;
