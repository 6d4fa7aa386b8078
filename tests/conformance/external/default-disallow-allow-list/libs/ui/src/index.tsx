export const Button = () => <button />;
