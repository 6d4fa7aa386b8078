import {
	alpha,
	beta,
} from "./missing-double";
export { gamma } from './missing-single'; import './missing-same-line';
export const lazy = () =>
	import(
		'./missing-dynamic'
	);
export const all = [alpha, beta];
