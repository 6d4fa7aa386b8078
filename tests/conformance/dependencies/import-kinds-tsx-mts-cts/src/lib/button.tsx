export const Button = (props: { label: string }) => <button>{props.label}</button>;
