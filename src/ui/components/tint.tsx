import { createContext, useContext, type ReactNode } from 'react';
import { Text, type TextProps } from 'ink';

const ColourContext = createContext(true);

/** Turns colour on or off for every <Tint> below it (off for NO_COLOR). */
export const ColourMode = ColourContext.Provider;

/** Whether colour is on here. Off, a picture must read through its characters alone. */
export function useColour(): boolean {
  return useContext(ColourContext);
}

/**
 * Text whose colour, dimness and weight apply only while colour is on: with NO_COLOR it is
 * written with no escape codes at all.
 */
export function Tint({ color, dim, bold, wrap, children }: {
  color?: TextProps['color'];
  dim?: boolean;
  bold?: boolean;
  wrap?: TextProps['wrap'];
  children?: ReactNode;
}) {
  return useColour() ? (
    <Text color={color} dimColor={dim} bold={bold} wrap={wrap}>
      {children}
    </Text>
  ) : (
    <Text wrap={wrap}>{children}</Text>
  );
}
