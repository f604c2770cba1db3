/**
 * ErrorBoundary.tsx - keeps a failure inside one part of the page: whatever throws while rendering
 * below it is replaced by `fallback`, and the header, the other views and the address bar stay
 * alive. A new `resetKey` (another scenario, variant or view) tries again.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  resetKey: string;
  fallback: (error: Error, retry: () => void) => ReactNode;
  /** Told once per error (e.g. to record it in the store). */
  onError?: (error: Error) => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: string;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  componentDidCatch(error: unknown): void {
    this.props.onError?.(error instanceof Error ? error : new Error(String(error)));
  }

  render(): ReactNode {
    if (this.state.error) return this.props.fallback(this.state.error, () => this.setState({ error: null }));
    return this.props.children;
  }
}
