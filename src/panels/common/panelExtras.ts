/**
 * What the app adds to every panel's frame without the panels importing the app: a component
 * (the export buttons) rendered after the heading, given the panel's title and its <section>.
 * Absent (snapshot tests, static renderings): nothing is added.
 */
import { createContext, type ComponentType, type RefObject } from 'react';

export interface PanelExtrasProps {
  readonly title: string;
  readonly panel: RefObject<HTMLElement | null>;
}

export const PanelExtrasContext = createContext<ComponentType<PanelExtrasProps> | null>(null);
