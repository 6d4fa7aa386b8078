export const Icon = ({ name }) => <i title={name} />;
