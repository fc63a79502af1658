// Imported first by cli.tsx, before anything loads chalk: chalk ignores NO_COLOR
// (https://no-color.org) but honours FORCE_COLOR=0, so the one maps onto the other.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
