import { Button } from '../lib/button';

export const View = () => <Button label="ok" />;
