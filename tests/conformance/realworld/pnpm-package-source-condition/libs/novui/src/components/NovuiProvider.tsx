import { PropsWithChildren } from 'react';

export const NovuiProvider = ({ children }: PropsWithChildren) => <>{children}</>;
