export const Widget = () => <div />;
