export const Main = () => <main />;
