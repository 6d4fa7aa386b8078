export const Title = ({ children }: { children: string }) => <h1>{children}</h1>;
