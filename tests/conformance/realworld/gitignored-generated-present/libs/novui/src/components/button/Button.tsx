import { Button as ExternalButton } from '@mantine/core';
import { css, cx } from '../../../styled-system/css';
import { splitCssProps } from '../../../styled-system/jsx';
import { button } from '../../../styled-system/recipes';
import { JsxStyleProps } from '../../../styled-system/types';
import { BUTTON_SIZE } from './Button.const';

export const Button = (props: JsxStyleProps & { children?: string }) => {
  const [cssProps, rest] = splitCssProps(props);
  return <ExternalButton className={cx(button({ size: BUTTON_SIZE }), css(cssProps))} {...rest} />;
};
